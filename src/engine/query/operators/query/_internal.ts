/**
 * Shared pieces of the BSON-aware query operators: per-value predicates with mongod's type bracketing,
 * applied along a path with `someValueAtPath`.
 */
import type { AnyObject, Options } from 'mingo/types';
import { EngineError } from '../../../errors/engine-error.js';
import { bsonTag } from '../../bson-types.js';
import { Bracket, bracketOf, compareBson } from '../../compare.js';
import { compareNumeric, isNaNValue } from '../../numeric.js';
import { type LeafArrays, someValueAtPath } from '../../query-path.js';

/** A test of one value that a path yields (undefined stands for a missing field). */
export type ValuePredicate = (v: unknown) => boolean;

/** A compiled query operator: tests a whole document. */
export type DocumentPredicate = (doc: AnyObject) => boolean;

/** A query operator as mingo calls it: compiled once per query from the path and the argument. */
export type QueryOp = (selector: string, value: unknown, options: Options) => DocumentPredicate;

/** The comparison query operators that share `comparisonPredicate`. */
export type ComparisonOperator = '$eq' | '$gt' | '$gte' | '$lt' | '$lte';

/** Turns a value predicate into a document predicate over a dotted path, split once at compile time. */
export function pathPredicate(selector: string, test: ValuePredicate, leaf: LeafArrays = 'expand'): DocumentPredicate {
  const parts = selector.split('.');
  return (doc) => someValueAtPath(doc, parts, test, leaf);
}

function accepts(op: ComparisonOperator, c: number): boolean {
  switch (op) {
    case '$eq':
      return c === 0;
    case '$gt':
      return c > 0;
    case '$gte':
      return c >= 0;
    case '$lt':
      return c < 0;
    case '$lte':
      return c <= 0;
  }
}

/**
 * A value predicate for `$eq/$gt/$gte/$lt/$lte` with mongod's rules
 * (ComparisonMatchExpression::matchesSingleElement): values of another type bracket never match, except that
 * MinKey/MaxKey bounds accept everything on their open side; null matches null and missing; NaN equals only NaN
 * and is neither greater nor less than anything.
 */
export function comparisonPredicate(op: ComparisonOperator, rhs: unknown): ValuePredicate {
  const rb = bracketOf(rhs);
  const inclusive = op === '$eq' || op === '$gte' || op === '$lte';
  if (rb === Bracket.MinKey || rb === Bracket.MaxKey) {
    const openSide = rb === Bracket.MaxKey ? op === '$lt' || op === '$lte' : op === '$gt' || op === '$gte';
    return (v) => (bracketOf(v) === rb ? inclusive : openSide);
  }
  if (rb === Bracket.Null) return (v) => inclusive && bracketOf(v) === Bracket.Null;
  if (rb === Bracket.Number) {
    const rhsNaN = isNaNValue(rhs);
    const rhsIsJsNumber = typeof rhs === 'number';
    return (v) => {
      if (rhsIsJsNumber && typeof v === 'number' && !rhsNaN && v === v) {
        return accepts(op, v < (rhs as number) ? -1 : v > (rhs as number) ? 1 : 0);
      }
      if (bracketOf(v) !== Bracket.Number) return false;
      const vNaN = isNaNValue(v);
      if (vNaN || rhsNaN) return inclusive && vNaN && rhsNaN;
      return accepts(op, compareNumeric(v, rhs));
    };
  }
  if (typeof rhs === 'string') {
    return (v) => {
      if (typeof v === 'string') return accepts(op, compareBson(v, rhs));
      return bracketOf(v) === Bracket.String && accepts(op, compareBson(v, rhs));
    };
  }
  return (v) => bracketOf(v) === rb && accepts(op, compareBson(v, rhs));
}

/** A regex test of a string or symbol value; other types never match a regex. */
export function regexPredicate(re: RegExp): ValuePredicate {
  return (v) => {
    if (typeof v === 'string') return re.test(v);
    if (typeof v === 'object' && v !== null && bsonTag(v) === 'BSONSymbol') return re.test(String((v as { value: unknown }).value));
    return false;
  };
}

/**
 * A value predicate for `$in`: regex members match strings, null matches null and missing, other members by
 * `$eq`. Strings and JS numbers are looked up in sets, so long `$in` lists stay cheap per document.
 */
export function inPredicate(members: unknown): ValuePredicate {
  if (!Array.isArray(members)) throw new EngineError('BadValue', '$in needs an array', '$in');
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const regexes: ValuePredicate[] = [];
  const others: ValuePredicate[] = [];
  let matchesNull = false;
  for (const m of members) {
    if (typeof m === 'string') strings.add(m);
    else if (typeof m === 'number') numbers.add(m);
    else if (m === null || m === undefined) matchesNull = true;
    else if (m instanceof RegExp) regexes.push(regexPredicate(m));
    else others.push(comparisonPredicate('$eq', m));
  }
  return (v) => {
    if (typeof v === 'string') {
      if (strings.has(v)) return true;
    } else if (typeof v === 'number') {
      if (numbers.has(v)) return true;
    } else if (v === null || v === undefined) {
      return matchesNull;
    } else if (numbers.size > 0 && bracketOf(v) === Bracket.Number) {
      for (const n of numbers) if (compareNumeric(v, n) === 0) return true;
    }
    for (const p of regexes) if (p(v)) return true;
    for (const p of others) if (p(v)) return true;
    return false;
  };
}

/** mongod's truthiness of an operator argument such as `$exists: 1` (numbers by value, null false). */
export function isTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return false;
  if (bracketOf(v) === Bracket.Number) return compareNumeric(v, 0) !== 0;
  return true;
}
