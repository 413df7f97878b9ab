import { describe, expect, it } from 'vitest';
import type { RunOnRequirement } from './format.js';
import { compareVersions, parseVersion, unmetRequirements, type TargetDescription } from './requirements.js';

const rs80: TargetDescription = { version: '8.0.0', topology: 'replicaset', serverless: false };

describe('test/spec/requirements', () => {
  it.each<[string, [number, number, number]]>([
    ['8.0.0', [8, 0, 0]],
    ['3.6', [3, 6, 0]],
    ['4', [4, 0, 0]],
    ['4.9.0-alpha4-271-g7d5cf02', [4, 9, 0]],
    ['8.0.4-rc1', [8, 0, 4]],
  ])('parses %s', (text, parsed) => {
    expect(parseVersion(text)).toEqual(parsed);
  });

  it.each<[string, string, number]>([
    ['4.0.10', '4.0.9', 1],
    ['3.6', '4.2.0', -1],
    ['8.0', '8.0.0', 0],
    ['8.0.0', '8.1.99', -1],
  ])('compares %s with %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  /** [description, requirements, reason or undefined when the test runs] */
  const rows: [string, RunOnRequirement[] | undefined, string | undefined][] = [
    ['no requirements', undefined, undefined],
    ['empty list', [], undefined],
    ['min version met', [{ minServerVersion: '6.0.0' }], undefined],
    ['min version not met', [{ minServerVersion: '8.1.0' }], 'requires server >= 8.1.0 (target reports 8.0.0)'],
    ['max version not met', [{ maxServerVersion: '4.2.99' }], 'requires server <= 4.2.99 (target reports 8.0.0)'],
    ['topology met', [{ topologies: ['replicaset', 'sharded'] }], undefined],
    ['topology not met', [{ topologies: ['sharded'] }], 'requires topology sharded (target is replicaset)'],
    ['serverless forbid is met', [{ serverless: 'forbid' }], undefined],
    ['serverless require is not met', [{ serverless: 'require' }], 'requires Atlas Serverless'],
    [
      'two unmet conditions in one alternative',
      [{ minServerVersion: '8.1.0', topologies: ['single'] }],
      'requires server >= 8.1.0 (target reports 8.0.0) and requires topology single (target is replicaset)',
    ],
    [
      'one alternative of several met',
      [{ minServerVersion: '6.1.0', maxServerVersion: '8.1.99' }, { minServerVersion: '8.2.1' }],
      undefined,
    ],
    [
      'no alternative met',
      [{ maxServerVersion: '5.2.99' }, { minServerVersion: '8.1' }],
      'requires server <= 5.2.99 (target reports 8.0.0); or requires server >= 8.1 (target reports 8.0.0)',
    ],
  ];

  it.each(rows)('%s', (_name, requirements, reason) => {
    expect(unmetRequirements(requirements, rs80)).toBe(reason);
  });

  it('sharded-replicaset is met by a sharded cluster', () => {
    const sharded = { ...rs80, topology: 'sharded' };
    expect(unmetRequirements([{ topologies: ['sharded-replicaset'] }], sharded)).toBeUndefined();
  });

  it('refuses fields it cannot evaluate instead of skipping or running blindly', () => {
    const withAuth = [{ auth: true } as unknown as RunOnRequirement];
    expect(() => unmetRequirements(withAuth, rs80)).toThrow(/unsupported runOnRequirement field "auth"/);
  });
});
