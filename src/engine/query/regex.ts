/**
 * Regular expressions as mongod accepts them (a JS RegExp, a bson BSONRegExp, or `$regex` + `$options`
 * strings), turned into JS RegExps. PCRE features that JS lacks (`\A`, possessive quantifiers, …) are not
 * translated.
 */
import { EngineError } from '../errors/engine-error.js';
import { bsonTag } from './bson-types.js';

/** True for a JS RegExp or a bson BSONRegExp. */
export function isRegexValue(v: unknown): v is RegExp | { pattern: string; options: string } {
  return v instanceof RegExp || (typeof v === 'object' && v !== null && bsonTag(v) === 'BSONRegExp');
}

/** Removes whitespace and `#` comments outside character classes, which is what PCRE's `x` flag ignores. */
function stripExtended(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}

/**
 * A JS RegExp for a pattern and mongod option letters (i, m, s, x, u; `l` is accepted and ignored).
 * An invalid option or pattern is BadValue (51108 and 51091 in mongod, both reported as BadValue here).
 */
function makeRegExp(pattern: string, options: string): RegExp {
  let flags = '';
  let source = pattern;
  for (const o of options) {
    if (o === 'i' || o === 'm' || o === 's' || o === 'u') {
      if (!flags.includes(o)) flags += o;
    } else if (o === 'x') {
      source = stripExtended(source);
    } else if (o !== 'l') {
      throw new EngineError('BadValue', `invalid flag in regex options: ${o}`, '$options');
    }
  }
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new EngineError('BadValue', `Regular expression is invalid: ${(err as Error).message}`, '$regex');
  }
}

/** A RegExp or BSONRegExp (optionally with `$options` overriding its flags) as a JS RegExp. */
export function toRegExp(v: RegExp | { pattern: string; options: string } | string, options?: string): RegExp {
  if (typeof v === 'string') return makeRegExp(v, options ?? '');
  if (v instanceof RegExp) return options === undefined ? v : makeRegExp(v.source, options);
  return makeRegExp(v.pattern, options ?? v.options);
}
