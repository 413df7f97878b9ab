import { Decimal128, Long } from 'bson';
import { describe } from 'vitest';
import { aggregateArithmetic, arithmetic } from '../../../src/engine/query/numeric.js';
import { table } from '../../support/query-table.js';

type Input = readonly [unknown, unknown, 'add' | 'mul'];

const L = (n: number | string) => (typeof n === 'string' ? Long.fromString(n) : Long.fromNumber(n));
const D = (s: string) => Decimal128.fromString(s);

describe('engine/query/numeric', () => {
  describe('arithmetic (update modifiers)', () => {
    table<Input, unknown>(
      [
        ['int + int', [1, 2, 'add'], 3],
        ['int + int overflows into long', [2147483647, 1, 'add'], L(2147483648)],
        ['int * int overflows into long', [2147483647, 2, 'mul'], L(4294967294)],
        ['long + int', [L(1), 2, 'add'], L(3)],
        ['long * long', [L('4000000000'), L(2), 'mul'], L('8000000000')],
        ['long overflow is refused', [L('9223372036854775807'), 1, 'add'], undefined],
        ['long + double is double', [L(1), 0.5, 'add'], 1.5],
        ['decimal + int', [D('1.5'), 1, 'add'], D('2.5')],
        ['decimal * long', [D('0.5'), L(4), 'mul'], D('2.0')],
        ['decimal + double uses 15 digits', [D('1'), 0.1, 'add'], D('1.100000000000000')],
        ['decimal NaN', [D('NaN'), 1, 'add'], D('NaN')],
      ],
      ([a, b, op]) => arithmetic(a, b, op),
    );
  });

  describe('aggregateArithmetic (expressions)', () => {
    table<Input, unknown>(
      [
        ['long overflow becomes double', [L('9223372036854775807'), 1, 'add'], 9223372036854775808],
        ['long stays long', [L(5), 1, 'add'], L(6)],
      ],
      ([a, b, op]) => aggregateArithmetic(a, b, op),
    );
  });
});
