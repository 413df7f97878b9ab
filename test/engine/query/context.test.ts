import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Long } from 'bson';
import { find } from 'mingo';
import { OpType } from 'mingo/core';
import { describe, expect, it } from 'vitest';
import { BSON_CONTEXT, isPipelineStage, isQueryOperator } from '../../../src/engine/query/context.js';
import * as bsonQuery from '../../../src/engine/query/operators/query/index.js';

const OPERATORS_DIR = fileURLToPath(new URL('../../../src/engine/query/operators/', import.meta.url));

describe('engine/query/context', () => {
  it('uses the BSON-aware operators in place of mingo’s', () => {
    expect(BSON_CONTEXT.getOperator(OpType.QUERY, '$eq')).toBe(bsonQuery.$eq);
    expect(BSON_CONTEXT.getOperator(OpType.QUERY, '$type')).toBe(bsonQuery.$type);
  });

  it('keeps the rest of mingo’s operators', () => {
    expect(isQueryOperator('$regex')).toBe(true);
    expect(isPipelineStage('$group')).toBe(true);
    expect(BSON_CONTEXT.getOperator(OpType.EXPRESSION, '$concat')).not.toBeNull();
  });

  it('has no stages that write to collections', () => {
    expect(isPipelineStage('$out')).toBe(false);
    expect(isPipelineStage('$merge')).toBe(false);
  });

  it('registers nothing but $-named operators', () => {
    expect(BSON_CONTEXT.getOperator(OpType.QUERY, 'default')).toBeNull();
  });

  it('leaves mingo’s default context alone', () => {
    // mingo's own $gt still compares Longs as strings, so "10" < "8".
    const docs = find([{ a: Long.fromNumber(10) }], { a: { $gt: Long.fromNumber(8) } }).all();
    expect(docs).toHaveLength(0);
  });

  describe('operator folders', () => {
    for (const kind of readdirSync(OPERATORS_DIR)) {
      it(`${kind}/index.ts exports every operator file, alphabetically`, () => {
        const dir = `${OPERATORS_DIR}${kind}/`;
        const files = readdirSync(dir)
          .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
          .map((f) => f.replace(/\.ts$/, ''))
          .sort();
        const exported = [...readFileSync(`${dir}index.ts`, 'utf8').matchAll(/from '\.\/(\w+)\.js'/g)].map((m) => m[1]);
        expect(exported).toEqual(files);
      });
    }
  });
});
