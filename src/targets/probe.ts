import { MongoClient } from 'mongodb';

/** What a target learns about its server before it reports itself ready. */
export interface ServerInfo {
  /** `buildInfo.version`, e.g. "8.2.6". */
  readonly version: string;
  /** Whether `hello` shows a replica set (or a mongos): change streams need one. */
  readonly supportsChangeStreams: boolean;
}

/**
 * Connects once with the real driver, the same client learners and checks use, and asks the server what it is.
 * `timeoutMs` bounds server selection so that an unreachable server fails in seconds, not the driver's 30 s.
 * Rejects with the driver's error; callers turn it into their own typed error.
 */
export async function probeServer(uri: string, timeoutMs: number): Promise<ServerInfo> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  try {
    const admin = client.db('admin');
    const hello = await admin.command({ hello: 1 });
    const buildInfo = await admin.command({ buildInfo: 1 });
    return {
      version: String(buildInfo.version),
      supportsChangeStreams: typeof hello.setName === 'string' || hello.msg === 'isdbgrid',
    };
  } finally {
    await client.close();
  }
}
