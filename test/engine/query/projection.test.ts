import { describe, expect, it } from 'vitest';
import { compileProjection, projectDocuments } from '../../../src/engine/query/projection.js';
import { errorTable, type Row, table } from '../../support/query-table.js';

const DOC = { _id: 1, a: [1, 2, 3, 4], b: { c: 1, d: 2 }, e: [{ x: 1, y: 2 }, { x: 2, y: 3 }, 5], f: 'text' };
const project = (projection: object) => projectDocuments([DOC], projection)[0];

describe('engine/query/projection', () => {
  describe('find projections', () => {
    const rows: Row<object, object>[] = [
      ['empty projection keeps everything', {}, DOC],
      ['inclusion keeps _id and document order', { f: 1, a: 1 }, { _id: 1, a: [1, 2, 3, 4], f: 'text' }],
      ['inclusion without _id', { _id: 0, f: 1 }, { f: 'text' }],
      ['only _id', { _id: 1 }, { _id: 1 }],
      ['exclusion', { a: 0, e: 0 }, { _id: 1, b: { c: 1, d: 2 }, f: 'text' }],
      ['exclusion of _id only', { _id: 0 }, { a: [1, 2, 3, 4], b: { c: 1, d: 2 }, e: DOC.e, f: 'text' }],
      ['dotted inclusion', { 'b.d': 1 }, { _id: 1, b: { d: 2 } }],
      ['nested inclusion spec', { b: { c: 1 } }, { _id: 1, b: { c: 1 } }],
      ['dotted inclusion through an array drops scalars', { 'e.x': 1 }, { _id: 1, e: [{ x: 1 }, { x: 2 }] }],
      ['dotted exclusion through an array keeps scalars', { 'e.x': 0, a: 0, b: 0, f: 0 }, { _id: 1, e: [{ y: 2 }, { y: 3 }, 5] }],
      ['booleans', { f: true, _id: false }, { f: 'text' }],
      ['$slice alone keeps the other fields', { a: { $slice: 2 } }, { ...DOC, a: [1, 2] }],
      ['$slice negative', { a: { $slice: -1 }, f: 0 }, { _id: 1, a: [4], b: DOC.b, e: DOC.e }],
      ['$slice [skip, limit] with inclusion', { a: { $slice: [1, 2] }, f: 1 }, { _id: 1, a: [2, 3], f: 'text' }],
      ['$elemMatch', { e: { $elemMatch: { x: { $gt: 1 } } } }, { _id: 1, e: [{ x: 2, y: 3 }] }],
      ['$elemMatch without a match omits the field', { e: { $elemMatch: { x: 9 } } }, { _id: 1 }],
      ['computed field from a path', { z: '$b.c', f: 1 }, { _id: 1, f: 'text', z: 1 }],
      ['computed field from an expression', { n: { $size: '$a' } }, { _id: 1, n: 4 }],
      ['literal string value', { f: 1, g: 'lit' }, { _id: 1, f: 'text', g: 'lit' }],
      ['computed nested field', { 'b.z': { $literal: 5 } }, { _id: 1, b: { z: 5 } }],
    ];
    table(rows, project);
  });

  it('keeps the input field order, _id first, computed fields last', () => {
    expect(Object.keys(project({ z: '$f', f: 1, a: 1 }))).toEqual(['_id', 'a', 'f', 'z']);
  });

  it('projects the positional element matched by the filter', () => {
    const [out] = projectDocuments([DOC], { 'e.$': 1 }, { 'e.x': { $gte: 2 } });
    expect(out).toEqual({ _id: 1, e: [{ x: 2, y: 3 }] });
  });

  it('does not modify its input', () => {
    const doc = { _id: 1, a: { b: 1, c: 2 }, list: [{ x: 1, y: 1 }] };
    const before = structuredClone(doc);
    projectDocuments([doc], { 'a.b': 0, 'list.x': 0 });
    projectDocuments([doc], { 'a.b': 1, 'list.x': 1 });
    expect(doc).toEqual(before);
  });

  it('treats $slice as an expression in aggregation mode', () => {
    const out = compileProjection({ q: { $slice: ['$a', 2] } }, { mode: 'aggregate' })(DOC);
    expect(out).toEqual({ _id: 1, q: [1, 2] });
  });

  describe('errors', () => {
    errorTable(
      [
        ['exclusion in an inclusion', { a: 1, b: 0 }, ['Location31254', 'Cannot do exclusion on field b in inclusion projection']],
        ['inclusion in an exclusion', { a: 0, b: 1 }, ['Location31253', 'Cannot do inclusion on field b in exclusion projection']],
        ['computed field in an exclusion', { a: 0, z: '$b' }, 'Location31253'],
        ['path collision', { b: 1, 'b.c': 1 }, ['Location31250', 'Path collision at b.c']],
        ['$-prefixed field', { $a: 1 }, 'Location16410'],
        ['$meta', { s: { $meta: 'textScore' } }, 'NotImplemented'],
        ['positional without a matching filter', { 'a.$': 1 }, 'Location51246'],
        ['nested $elemMatch', { 'e.x': { $elemMatch: { y: 1 } } }, 'BadValue'],
        ['empty sub-projection', { b: {} }, 'BadValue'],
      ],
      (projection) => project(projection),
    );
  });
});
