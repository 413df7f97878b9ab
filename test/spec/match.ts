import { bsonTypeNames, canonical, compareNumeric, describe, isDocument, numericValue, scalarEquals } from './bson-values.js';

/**
 * "Evaluating Matches" of the unified test format: `actual` matches `expected` when every expected field is present
 * and matches, arrays have the same length and matching elements, scalars are equal (numerics flexibly), and
 * special `$$` operators hold. Root-level documents may carry extra fields; nested documents may not.
 */

/** Where and why a match failed. */
export interface Mismatch {
  /** Dotted path inside the actual value (`updateDescription.truncatedArrays[0].newSize`); empty for the root. */
  path: string;
  /** What was expected against what was found. */
  message: string;
}

/** Entity lookups needed by `$$matchesEntity` and `$$sessionLsid`. */
export interface MatchContext {
  /** The value stored in the entity map under `name`; throws when there is none. */
  entity(name: string): unknown;
  /** The logical session id document of session entity `name`; throws when there is none. */
  sessionLsid(name: string): unknown;
}

/** Options of one match. */
export interface MatchOptions {
  /** Whether `actual` is a root-level document (extra fields allowed). */
  root: boolean;
  /** Entity lookups; operators that need one fail when it is missing. */
  context?: MatchContext;
}

/** Thrown by `assertMatches`; carries the mismatch so callers can prefix it. */
export class MatchError extends Error {
  /** The failed comparison. */
  readonly mismatch: Mismatch;

  constructor(mismatch: Mismatch) {
    super(formatMismatch(mismatch));
    this.name = 'MatchError';
    this.mismatch = mismatch;
  }
}

/** Renders a mismatch as `at <path>: <message>`. */
export function formatMismatch(mismatch: Mismatch): string {
  return `at ${mismatch.path === '' ? '(root)' : mismatch.path}: ${mismatch.message}`;
}

/** Returns the first mismatch between `expected` and `actual`, or undefined when they match. */
export function findMismatch(expected: unknown, actual: unknown, options: MatchOptions): Mismatch | undefined {
  return matchValue(expected, actual, '', options.root, options.context);
}

/** Throws a MatchError unless `actual` matches `expected`. */
export function assertMatches(expected: unknown, actual: unknown, options: MatchOptions): void {
  const mismatch = findMismatch(expected, actual, options);
  if (mismatch) throw new MatchError(mismatch);
}

/** The `$$` operator name when `value` is a document whose first and only key starts with `$$`. */
function operatorOf(value: unknown): string | undefined {
  if (!isDocument(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0]!.startsWith('$$') ? keys[0] : undefined;
}

/** A field counts as present when it is set to anything but undefined (the driver never sends undefined). */
function hasField(doc: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(doc, key) && doc[key] !== undefined;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function mismatch(path: string, expected: string, actual: unknown): Mismatch {
  return { path, message: `expected ${expected}, got ${describe(actual)}` };
}

function matchValue(
  expected: unknown,
  actual: unknown,
  path: string,
  root: boolean,
  context: MatchContext | undefined,
): Mismatch | undefined {
  const operator = operatorOf(expected);
  if (operator !== undefined) {
    return applyOperator(operator, (expected as Record<string, unknown>)[operator], actual, path, root, context);
  }
  if (isDocument(expected)) return matchDocument(expected, actual, path, root, context);
  if (Array.isArray(expected)) return matchArray(expected, actual, path, context);
  if (actual === undefined) return mismatch(path, describe(expected), actual);
  if (isDocument(actual) || Array.isArray(actual)) return mismatch(path, describe(expected), actual);
  return scalarEquals(expected, actual) ? undefined : mismatch(path, describe(expected), actual);
}

function matchDocument(
  expected: Record<string, unknown>,
  actual: unknown,
  path: string,
  root: boolean,
  context: MatchContext | undefined,
): Mismatch | undefined {
  if (!isDocument(actual)) return mismatch(path, `a document ${describe(expected)}`, actual);
  for (const [key, value] of Object.entries(expected)) {
    const at = childPath(path, key);
    const present = hasField(actual, key);
    const operator = operatorOf(value);
    if (operator === '$$exists') {
      const wanted = (value as Record<string, unknown>)[operator];
      if (wanted !== present) {
        return present
          ? mismatch(at, 'the field to be absent', actual[key])
          : { path: at, message: 'expected the field to exist, but it is absent' };
      }
      continue;
    }
    if (operator === '$$unsetOrMatches' && !present) continue;
    if (!present) return { path: at, message: `expected ${describe(value)}, but the field is absent` };
    // Field values are never root-level, whatever operator wraps them.
    const failed = matchValue(value, actual[key], at, false, context);
    if (failed) return failed;
  }
  if (!root) {
    const extra = Object.keys(actual).filter((key) => hasField(actual, key) && !(key in expected));
    if (extra.length > 0) {
      return {
        path,
        message: `unexpected field(s) ${extra.map((k) => JSON.stringify(k)).join(', ')} in nested document ${describe(actual)}`,
      };
    }
  }
  return undefined;
}

function matchArray(
  expected: unknown[],
  actual: unknown,
  path: string,
  context: MatchContext | undefined,
): Mismatch | undefined {
  if (!Array.isArray(actual)) return mismatch(path, `an array ${describe(expected)}`, actual);
  if (actual.length !== expected.length) {
    return mismatch(path, `an array of ${expected.length} element(s) ${describe(expected)}`, actual);
  }
  for (let i = 0; i < expected.length; i++) {
    const failed = matchValue(expected[i], actual[i], childPath(path, i), false, context);
    if (failed) return failed;
  }
  return undefined;
}

function requireContext(context: MatchContext | undefined, operator: string): MatchContext {
  if (!context) throw new Error(`${operator} needs an entity map, and none was given to the matcher`);
  return context;
}

function applyOperator(
  operator: string,
  argument: unknown,
  actual: unknown,
  path: string,
  root: boolean,
  context: MatchContext | undefined,
): Mismatch | undefined {
  switch (operator) {
    case '$$exists': {
      const present = actual !== undefined;
      if (present === argument) return undefined;
      return present ? mismatch(path, 'no value', actual) : { path, message: 'expected a value, but it is absent' };
    }
    case '$$type': {
      const wanted = Array.isArray(argument) ? argument.map(String) : [String(argument)];
      if (actual === undefined) return { path, message: `expected a value of type ${wanted.join('|')}, but it is absent` };
      const types = bsonTypeNames(actual);
      return types.some((t) => wanted.includes(t))
        ? undefined
        : mismatch(path, `type ${wanted.join('|')}`, actual);
    }
    case '$$unsetOrMatches':
      return actual === undefined ? undefined : matchValue(argument, actual, path, root, context);
    case '$$matchesEntity':
      return matchValue(requireContext(context, operator).entity(String(argument)), actual, path, root, context);
    case '$$sessionLsid': {
      const lsid = requireContext(context, operator).sessionLsid(String(argument));
      return actual !== undefined && canonical(lsid) === canonical(actual)
        ? undefined
        : mismatch(path, `the lsid of session ${JSON.stringify(argument)} ${describe(lsid)}`, actual);
    }
    case '$$matchesHexBytes':
      return matchHexBytes(argument, actual, path);
    case '$$lte': {
      const limit = numericValue(argument);
      const value = numericValue(actual);
      if (limit === undefined) throw new Error(`$$lte needs a number, got ${describe(argument)}`);
      return value !== undefined && compareNumeric(value, limit) <= 0
        ? undefined
        : mismatch(path, `a number <= ${describe(argument)}`, actual);
    }
    default:
      throw new Error(`unsupported special operator ${operator} at ${path === '' ? '(root)' : path}`);
  }
}

function matchHexBytes(argument: unknown, actual: unknown, path: string): Mismatch | undefined {
  if (typeof argument !== 'string' || !/^([0-9a-fA-F]{2})*$/.test(argument)) {
    throw new Error(`$$matchesHexBytes needs an even number of hex digits, got ${describe(argument)}`);
  }
  const bytes = actual instanceof Uint8Array ? actual : binaryBytes(actual);
  if (!bytes) return mismatch(path, `bytes ${argument}`, actual);
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return hex === argument.toLowerCase() ? undefined : mismatch(path, `bytes ${argument.toLowerCase()}`, hex);
}

/** The bytes of a bson Binary, recognised by its tag so that any copy of the bson package qualifies. */
function binaryBytes(value: unknown): Uint8Array | undefined {
  if (bsonTypeNames(value)[0] !== 'binData' || typeof value !== 'object' || value === null) return undefined;
  const { buffer, position } = value as { buffer?: unknown; position?: number };
  // A Binary's buffer may be longer than its contents; `position` is where the contents end.
  return buffer instanceof Uint8Array ? buffer.subarray(0, position ?? buffer.length) : undefined;
}
