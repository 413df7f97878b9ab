import { Decimal128, Long } from 'bson';
import { describe } from 'vitest';
import { identicalBson } from '../../../src/engine/query/identical.js';
import { type Row, table } from '../../support/query-table.js';

describe('engine/query/identical', () => {
  const rows: Row<readonly [unknown, unknown], boolean>[] = [
    ['same int', [1, 1], true],
    ['int and Long differ', [1, Long.fromNumber(1)], false],
    ['int 0 and double -0 differ', [0, -0], false],
    ['NaN is identical to NaN', [Number.NaN, Number.NaN], true],
    ['Decimal128 scale matters', [Decimal128.fromString('1.0'), Decimal128.fromString('1')], false],
    ['field order matters', [{ a: 1, b: 2 }, { b: 2, a: 1 }], false],
    ['nested documents', [{ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }], true],
    ['array length', [[1], [1, 2]], false],
    ['dates', [new Date(1), new Date(1)], true],
    ['null and missing differ', [null, undefined], false],
  ];
  table(rows, ([a, b]) => identicalBson(a, b));
});
