import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** A mongod that the memory-server target can run without downloading anything. */
export interface MongodBinary {
  readonly path: string;
  /** Where it was found: the MONGOMS_SYSTEM_BINARY path, or mongodb-memory-server's download cache. */
  readonly source: 'system-binary' | 'cache';
}

/** Looks for a cached mongod; injectable so tests do not depend on what this machine's cache holds. */
export type CacheLookup = () => Promise<string | undefined>;

/**
 * Finds a mongod without ever downloading one: MONGOMS_SYSTEM_BINARY when it names an executable file, else
 * whatever mongodb-memory-server has already cached. A download attempt on a machine that cannot reach the
 * download host costs about 7 s before it fails, so the choice is made here, up front.
 */
export async function findMongodBinary(
  systemBinary: string | undefined,
  lookInCache: CacheLookup = lookInMemoryServerCache,
): Promise<MongodBinary | undefined> {
  if (systemBinary !== undefined) {
    const path = resolve(systemBinary);
    return (await isExecutableFile(path)) ? { path, source: 'system-binary' } : undefined;
  }
  const cached = await lookInCache();
  return cached === undefined ? undefined : { path: cached, source: 'cache' };
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks mongodb-memory-server's DryMongoBinary, which only looks at the file system (its download directories for
 * the default version), never the network. Loaded lazily: the embedded path must not pay for this package.
 */
async function lookInMemoryServerCache(): Promise<string | undefined> {
  const { DryMongoBinary } = await import('mongodb-memory-server');
  try {
    return await DryMongoBinary.locateBinary(DryMongoBinary.getEnsuredOptions());
  } catch {
    // A lookup that fails (unreadable cache, unknown OS) means the same as an empty cache: no binary to use.
    return undefined;
  }
}
