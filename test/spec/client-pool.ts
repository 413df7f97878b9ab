import { MongoClient, type MongoClientOptions } from 'mongodb';
import type { Doc } from './format.js';
import { withDeadline } from './deadline.js';

/**
 * After a network error the driver re-checks the server no sooner than minHeartbeatFrequencyMS (500 ms by
 * default) before it can resume a change stream; the format allows runners to lower it so that fail-point tests
 * do not each wait half a second.
 */
const FAST_MIN_HEARTBEAT_MS = 50;

/** How long closing a client may take before it is abandoned (a stuck server must not stall the suite). */
const CLOSE_DEADLINE_MS = 5_000;

/**
 * Connected MongoClients kept between tests. Every client entity needs its own MongoClient (its own pool and
 * event stream), but connecting one per entity per test costs handshakes and monitoring connections; a test takes
 * idle clients with the same URI options and gives them back when it passed.
 */
export class ClientPool {
  private readonly idle = new Map<string, MongoClient[]>();
  private readonly keys = new WeakMap<MongoClient, string>();
  private readonly all = new Set<MongoClient>();

  constructor(private readonly uri: string) {}

  /** A connected client configured with `uriOptions` (on top of the target URI), with command monitoring on. */
  async acquire(uriOptions: Doc = {}): Promise<MongoClient> {
    const key = JSON.stringify(Object.entries(uriOptions).sort(([a], [b]) => a.localeCompare(b)));
    const reused = this.idle.get(key)?.pop();
    if (reused) return reused;
    const options: MongoClientOptions = { monitorCommands: true, ...(uriOptions as MongoClientOptions) };
    if (uriOptions.heartbeatFrequencyMS === undefined) options.minHeartbeatFrequencyMS = FAST_MIN_HEARTBEAT_MS;
    const client = new MongoClient(this.uri, options);
    this.all.add(client);
    this.keys.set(client, key);
    await client.connect();
    return client;
  }

  /** Returns a client in a clean state (no open cursors, no listeners left) for another test. */
  release(client: MongoClient): void {
    const key = this.keys.get(client);
    if (key === undefined || !this.all.has(client)) return;
    const list = this.idle.get(key) ?? [];
    list.push(client);
    this.idle.set(key, list);
  }

  /** Closes a client that a test left in an unknown state (failed, or closed by the test itself). */
  async discard(client: MongoClient): Promise<void> {
    this.all.delete(client);
    await closeQuietly(client);
  }

  /** Closes every client this pool created. */
  async closeAll(): Promise<void> {
    const clients = [...this.all];
    this.all.clear();
    this.idle.clear();
    await Promise.all(clients.map(closeQuietly));
  }
}

/** Closes `client`, ignoring errors and giving up after a deadline. */
async function closeQuietly(client: MongoClient): Promise<void> {
  try {
    await withDeadline(client.close(), CLOSE_DEADLINE_MS, 'closing a client');
  } catch {
    // The client is abandoned either way; nothing in a report depends on how it went.
  }
}
