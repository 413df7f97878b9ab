/**
 * Binary equality of BSON values: what mongod's `binaryEqual` decides when it asks whether an update changed
 * anything. Unlike `equalsBson`, the types must match (int 1 and Long 1 differ) and so must field order.
 */
import { bsonTag, bsonTypeOf } from './bson-types.js';
import { compareBson } from './compare.js';

/** True when `a` and `b` would serialize to the same BSON bytes (JS numbers by their int32/double type). */
export function identicalBson(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Object.is(a, b);
  const ta = bsonTypeOf(a);
  if (ta !== bsonTypeOf(b)) return false;
  switch (ta) {
    case 'double':
    case 'int':
      return Object.is(Number(a), Number(b));
    case 'array': {
      const xs = a as unknown[];
      const ys = b as unknown[];
      if (xs.length !== ys.length) return false;
      for (let i = 0; i < xs.length; i++) if (!identicalBson(xs[i], ys[i])) return false;
      return true;
    }
    case 'object': {
      if (bsonTag(a as object) === 'DBRef' || bsonTag(b as object) === 'DBRef') return compareBson(a, b) === 0;
      const kx = Object.keys(a as object);
      const ky = Object.keys(b as object);
      if (kx.length !== ky.length) return false;
      for (let i = 0; i < kx.length; i++) {
        const k = kx[i] as string;
        if (k !== ky[i]) return false;
        if (!identicalBson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
      }
      return true;
    }
    case 'decimal':
      return (a as { toString(): string }).toString() === (b as { toString(): string }).toString();
    case 'javascriptWithScope': {
      const x = a as { code: unknown; scope: unknown };
      const y = b as { code: unknown; scope: unknown };
      return String(x.code) === String(y.code) && identicalBson(x.scope, y.scope);
    }
    default:
      return compareBson(a, b) === 0;
  }
}
