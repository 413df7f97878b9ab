import { MongoClient, type TopologyDescriptionChangedEvent } from 'mongodb';
import type { TargetDescription } from './requirements.js';

/** The format's topology names for the driver's SDAM topology types. */
const TOPOLOGY_NAMES: Record<string, string> = {
  Single: 'single',
  ReplicaSetWithPrimary: 'replicaset',
  ReplicaSetNoPrimary: 'replicaset',
  Sharded: 'sharded',
  LoadBalanced: 'load-balanced',
};

/** A connected internal client and what it found out about the target. */
export interface ConnectedTarget {
  /** The runner's internal client. */
  internal: MongoClient;
  /** Version and topology for runOnRequirements. */
  target: TargetDescription;
}

/**
 * Connects the internal client and describes the target: the version from `buildInfo.version`, the topology as
 * the driver's SDAM classified it (a one-node replica set is ReplicaSetWithPrimary, so "replicaset").
 */
export async function connectToTarget(uri: string): Promise<ConnectedTarget> {
  const internal = new MongoClient(uri);
  let topologyType = 'Unknown';
  internal.on('topologyDescriptionChanged', (event: TopologyDescriptionChangedEvent) => {
    topologyType = event.newDescription.type;
  });
  try {
    await internal.connect();
    const buildInfo = await internal.db('admin').command({ buildInfo: 1 });
    if (typeof buildInfo.version !== 'string') {
      throw new Error(`buildInfo has no version string: ${JSON.stringify(buildInfo.version)}`);
    }
    const topology = TOPOLOGY_NAMES[topologyType];
    if (topology === undefined) throw new Error(`cannot tell the topology: the driver reports ${topologyType}`);
    // Serverless targets are never started or detected here; a serverless URI would need its own flag.
    return { internal, target: { version: buildInfo.version, topology, serverless: false } };
  } catch (error) {
    await internal.close().catch(() => undefined);
    throw new Error(`cannot use the target at ${uri}: ${(error as Error).message}`);
  }
}

/** Error codes the format lets a runner ignore from killAllSessions (Interrupted, Unauthorized, CommandNotFound). */
const IGNORABLE_KILL_ALL_SESSIONS_CODES = new Set([11601, 13, 59]);

/**
 * Ends transactions left open by an earlier run, as the format recommends before running tests. A target without
 * the command (CommandNotFound) is fine: it cannot have open transactions from a previous run either.
 */
export async function killAllSessions(internal: MongoClient): Promise<void> {
  try {
    await internal.db('admin').command({ killAllSessions: [] });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'number' || !IGNORABLE_KILL_ALL_SESSIONS_CODES.has(code)) throw error;
  }
}
