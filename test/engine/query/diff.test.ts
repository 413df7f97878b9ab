import { Long } from 'bson';
import { describe, expect, it } from 'vitest';
import type { UpdateDescription } from '../../../src/engine/query/delta.js';
import { diffDocuments } from '../../../src/engine/query/diff.js';
import { type Row, table } from '../../support/query-table.js';

/** Padding that makes documents large enough for a delta to be worth logging, as in real documents. */
const PAD = 'p'.repeat(64);
const desc = (
  updatedFields: Record<string, unknown>,
  removedFields: string[] = [],
  truncatedArrays: UpdateDescription['truncatedArrays'] = [],
): UpdateDescription => ({ updatedFields, removedFields, truncatedArrays });

describe('engine/query/diff', () => {
  it('spec "Test array truncation"', () => {
    const before = { _id: 1, array: ['foo', { a: 'bar' }, 1, 2, 3] };
    const after = { _id: 1, array: ['foo', { a: 'bar' }] };
    expect(diffDocuments(before, after)).toEqual({
      updatedFields: {},
      removedFields: [],
      truncatedArrays: [{ field: 'array', newSize: 2 }],
    });
  });

  const rows: Row<readonly [object, object], UpdateDescription | null>[] = [
    ['identical documents', [{ _id: 1, PAD }, { _id: 1, PAD }], desc({})],
    ['a changed field', [{ _id: 1, PAD, a: 1 }, { _id: 1, PAD, a: 2 }], desc({ a: 2 })],
    ['a type change is a change', [{ _id: 1, PAD, a: 1 }, { _id: 1, PAD, a: Long.fromNumber(1) }], desc({ a: Long.fromNumber(1) })],
    ['a nested change', [{ _id: 1, PAD, s: { x: 1, y: 'keep this text' } }, { _id: 1, PAD, s: { x: 2, y: 'keep this text' } }], desc({ 's.x': 2 })],
    ['an array element', [{ _id: 1, PAD, arr: [1, 2, 3, 4] }, { _id: 1, PAD, arr: [1, 9, 3, 4] }], desc({ 'arr.1': 9 })],
    ['array growth', [{ _id: 1, PAD, arr: [1, 2, 3, 4] }, { _id: 1, PAD, arr: [1, 2, 3, 4, 5] }], desc({ 'arr.4': 5 })],
    [
      'truncation and an element change',
      [{ _id: 1, PAD, arr: [PAD, PAD, PAD] }, { _id: 1, PAD, arr: [PAD, 'x'] }],
      desc({ 'arr.1': 'x' }, [], [{ field: 'arr', newSize: 2 }]),
    ],
    [
      'a small array change is logged as the array when the delta is not smaller',
      [{ _id: 1, PAD, arr: ['aaaa', 'bbbb', 'cccc'] }, { _id: 1, PAD, arr: ['aaaa', 'x'] }],
      desc({ arr: ['aaaa', 'x'] }),
    ],
    ['a new field', [{ _id: 1, PAD }, { _id: 1, PAD, n: 1 }], desc({ n: 1 })],
    [
      'removed fields: trailing first, then the others sorted',
      [{ _id: 1, z: 1, PAD, y: 1, w: 1 }, { _id: 1, PAD }],
      desc({}, ['y', 'w', 'z']),
    ],
    ['a moved field is logged as inserted', [{ _id: 1, PAD, a: 1, b: 2 }, { _id: 1, PAD, b: 2, a: 1 }], desc({ a: 1 })],
    ['object to array is a value update', [{ _id: 1, PAD, a: { x: 1 } }, { _id: 1, PAD, a: [1] }], desc({ a: [1] })],
    [
      'a sub-diff larger than the new value is logged as the value',
      [{ _id: 1, PAD, o: { a: 1 } }, { _id: 1, PAD, o: { b: 2 } }],
      desc({ o: { b: 2 } }),
    ],
    ['a delta larger than the document is a replacement (null)', [{ _id: 1, a: 1 }, { _id: 1, b: 2 }], null],
  ];
  table(rows, ([before, after]) => diffDocuments(before, after));
});
