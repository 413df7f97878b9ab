/**
 * The contract of the update modifiers (`$set`, `$inc`, …): each one parses its operand once per update and then
 * computes, for one concrete path of one document, what the new value is. Walking paths, creating fields,
 * copy-on-write and logging the change for the change event are the modifier engine's job (modifier.ts).
 */
import { cloneDeep } from 'mingo/util';
import { EngineError } from '../../../errors/engine-error.js';
import { bsonTypeOf } from '../../bson-types.js';
import { formatValue } from '../../format.js';

/** What one modifier does at one path. */
export type Outcome =
  | { kind: 'noop' }
  /** `appended`: the array only grew at its end by these elements, so each is logged as "path.<index>". */
  | { kind: 'set'; value: unknown; appended?: unknown[] }
  | { kind: 'unset' };

/** Facts about the path being modified, for operators that need them and for error messages. */
export interface ModifierContext {
  /** The concrete dotted path, positional components resolved. */
  path: string;
  /** The last path component (the field name in mongod's messages). */
  field: string;
  /** `_id: 1` (or "no id") of the document being updated. */
  id: string;
  /** True when the path names an array element rather than a document field. */
  inArray: boolean;
  /** The time of the update, for `$currentDate`. */
  now: Date;
}

/** An update modifier. */
export interface ModifierOperator {
  /** Checks one `{path: operand}` entry and returns the operand in the form `apply` expects. */
  parse(operand: unknown, path: string): unknown;
  /** The change at one path; `exists` false means the path is missing and `current` is undefined. */
  apply(current: unknown, exists: boolean, operand: unknown, ctx: ModifierContext): Outcome;
  /** Whether the modifier creates a missing path; when false a missing or unreachable path is a no-op. */
  createsPath: boolean;
}

/** The no-op outcome, shared. */
export const NOOP: Outcome = { kind: 'noop' };

/** A deep copy of an operand value, so that stored documents never alias the update command's document. */
export function detach<T>(value: T): T {
  return cloneDeep(value) as T;
}

/** The BSON type name mongod prints for a value ("missing" for undefined). */
export function typeName(v: unknown): string {
  return bsonTypeOf(v) ?? 'missing';
}

/** `{path: value}` as mongod prints a modifier entry in messages. */
export function formatEntry(path: string, value: unknown): string {
  return `{${path}: ${formatValue(value)}}`;
}

/** BadValue for a modifier argument that is not what the modifier expects (mongod's code for most of them). */
export function badArgument(message: string, modifier: string): EngineError {
  return new EngineError('BadValue', message, modifier);
}
