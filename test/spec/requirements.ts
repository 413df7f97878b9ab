import type { RunOnRequirement } from './format.js';

/** What `runOnRequirements` are evaluated against. */
export interface TargetDescription {
  /** Server version from `buildInfo.version`, e.g. "8.0.0". */
  version: string;
  /** Topology as the format names it: single, replicaset, sharded or load-balanced. */
  topology: string;
  /** Whether the target is Atlas Serverless (never true for the targets this runner starts). */
  serverless: boolean;
}

/**
 * Parses "major[.minor[.patch]]" and drops anything after the patch (pre-release suffixes such as "-rc1" or
 * "-alpha4-271-g7d5cf02"), as the format requires before comparing versions.
 */
export function parseVersion(text: string): [number, number, number] {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!match) throw new Error(`not a version string: ${JSON.stringify(text)}`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** Compares two version strings component by component: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return 0;
}

const KNOWN_FIELDS = new Set(['minServerVersion', 'maxServerVersion', 'topologies', 'serverless']);

/** Why one requirement is not met, or undefined when it is. Unknown fields throw: guessing could hide a test. */
function unmetReason(requirement: RunOnRequirement, target: TargetDescription): string | undefined {
  for (const key of Object.keys(requirement)) {
    if (!KNOWN_FIELDS.has(key)) throw new Error(`unsupported runOnRequirement field ${JSON.stringify(key)}`);
  }
  const reasons: string[] = [];
  const { minServerVersion: min, maxServerVersion: max, topologies, serverless } = requirement;
  if (min !== undefined && compareVersions(target.version, min) < 0) {
    reasons.push(`requires server >= ${min} (target reports ${target.version})`);
  }
  if (max !== undefined && compareVersions(target.version, max) > 0) {
    reasons.push(`requires server <= ${max} (target reports ${target.version})`);
  }
  if (topologies !== undefined && !topologies.some((t) => topologyMatches(t, target.topology))) {
    reasons.push(`requires topology ${topologies.join(' or ')} (target is ${target.topology})`);
  }
  if (serverless === 'require' && !target.serverless) reasons.push('requires Atlas Serverless');
  if (serverless === 'forbid' && target.serverless) reasons.push('forbids Atlas Serverless');
  return reasons.length > 0 ? reasons.join(' and ') : undefined;
}

/** "sharded-replicaset" is a deprecated alias: every shard is a replica set since MongoDB 3.6. */
function topologyMatches(required: string, actual: string): boolean {
  return required === actual || (required === 'sharded-replicaset' && actual === 'sharded');
}

/**
 * Why none of the alternatives in `requirements` is met by `target`, or undefined when one is (or when there are
 * none). Alternatives that fail for different reasons are joined with "; or ".
 */
export function unmetRequirements(
  requirements: RunOnRequirement[] | undefined,
  target: TargetDescription,
): string | undefined {
  if (requirements === undefined || requirements.length === 0) return undefined;
  const reasons: string[] = [];
  for (const requirement of requirements) {
    const reason = unmetReason(requirement, target);
    if (reason === undefined) return undefined;
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  return reasons.join('; or ');
}
