import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the host's code comes from, and which paths a permission-restricted child process must be allowed to read
 * to load it.
 *
 * From the built package (`dist/`, plain JavaScript) the host runs `dist/sandbox/host/entry.js` directly. From
 * the TypeScript sources (tests, `tsx`), the entry and any module given to loadModule are first bundled with
 * esbuild into a cache directory: a child process under Node's permission model cannot run a TypeScript loader
 * (tsx starts esbuild as a child process, which the model forbids), and one bundle serves the worker host too.
 * Packages stay external and resolve through a `node_modules` link in that directory. Bundles are named by their
 * content, so processes share them and nothing needs cleaning up when a process ends abruptly (test workers do).
 */

/** The host program and the read grants it needs. */
export interface HostCode {
  /** Absolute path of the file the worker or child process runs. */
  entry: string;
  /** Directories (and files) the child process must be able to read: the code and the packages it imports. */
  readPaths: string[];
}

/** This file's path: `.ts` when running from sources, `.js` from the built package. */
const HERE = fileURLToPath(import.meta.url);
const FROM_SOURCES = extname(HERE) === '.ts';

const bundles = new Map<string, Promise<string>>();

/** The host program, bundled first when running from sources. */
export async function hostCode(): Promise<HostCode> {
  const nodeModules = packagesDir();
  if (!FROM_SOURCES) {
    const distDir = dirname(dirname(dirname(HERE)));
    const root = dirname(distDir);
    // The package's own node_modules as well as the driver's real directory: ESM resolution checks the path it
    // walks, which differs from the real one when node_modules is a link (pnpm, workspaces).
    const readPaths = [distDir, join(root, 'node_modules'), nodeModules, join(root, 'package.json'), join(root, 'lessons')];
    return { entry: join(dirname(HERE), 'entry.js'), readPaths: [...new Set(readPaths)] };
  }
  const entry = await bundled(join(dirname(HERE), 'entry.ts'));
  return { entry, readPaths: [dirname(entry), nodeModules] };
}

/**
 * The file a host imports for loadModule(path): the path itself from the built package, a bundle of it from
 * sources (only bundles in the temporary directory are readable by a child host then).
 */
export function moduleForHost(path: string): Promise<string> {
  return FROM_SOURCES && /\.[cm]?ts$/.test(path) ? bundled(path) : Promise.resolve(path);
}

/** The `node_modules` directory the driver is installed in (hoisted installs put it above the package). */
function packagesDir(): string {
  const driver = createRequire(import.meta.url).resolve('mongodb');
  return driver.slice(0, driver.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules`.length);
}

/** Bundles a TypeScript file once per process; resolves with the bundle's path. */
function bundled(source: string): Promise<string> {
  let bundle = bundles.get(source);
  if (!bundle) {
    bundle = bundleFile(source);
    bundles.set(source, bundle);
  }
  return bundle;
}

/** Writes the bundle of `source` under a name made of its content, unless it is there already. */
async function bundleFile(source: string): Promise<string> {
  // esbuild is a development dependency: only runs from sources get here.
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    entryPoints: [source],
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  const code = outputFiles[0]!.contents;
  const name = `${basename(source).replace(/\.[cm]?ts$/, '')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  const file = join(bundleDir(), name);
  if (!existsSync(file)) {
    // Written aside and renamed, so a process starting a host at the same moment never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return file;
}

/**
 * The cache directory for this installation's bundles, with its `node_modules` link; one per packages directory,
 * since the link must point at the packages the bundles were made against.
 */
function bundleDir(): string {
  const packages = packagesDir();
  const dir = join(tmpdir(), `resume-lab-sandbox-${createHash('sha256').update(packages).digest('hex').slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  try {
    symlinkSync(packages, join(dir, 'node_modules'), 'dir');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return dir;
}
