import type { MongoClient } from 'mongodb';
import type { Doc } from './format.js';

/**
 * Fail points configured during one test. The `failPoint` operation sets them through the client entity the test
 * names (the format forbids the internal client for that); they are switched off afterwards through the runner's
 * internal client, so that a test that closed or broke its clients still cleans up.
 */
export class FailPointRegistry {
  private readonly names = new Set<string>();

  /** Runs `command` (a `configureFailPoint` document) on the primary through `client` and remembers its name. */
  async configure(client: MongoClient, command: Doc): Promise<void> {
    const name = command.configureFailPoint;
    if (typeof name !== 'string') throw new Error('failPoint needs a configureFailPoint command');
    // Remember it first: a server that half-applies a fail point and then errors must still get an "off".
    this.names.add(name);
    await client.db('admin').command(command);
  }

  /** Sets every remembered fail point to `mode: "off"`; returns one message per fail point that could not be. */
  async disableAll(internal: MongoClient): Promise<string[]> {
    const problems: string[] = [];
    for (const name of this.names) {
      try {
        await internal.db('admin').command({ configureFailPoint: name, mode: 'off' });
      } catch (error) {
        problems.push(`turning fail point ${name} off failed: ${(error as Error).message}`);
      }
    }
    this.names.clear();
    return problems;
  }
}
