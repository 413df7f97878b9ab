import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EJSON } from 'bson';
import type { TestFile } from './format.js';

/** The repository root: this file sits in <root>/test/spec/. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The spec files live beside the repository, in the shared folder the project is checked out with. */
const SPEC_DIR_FROM_ROOT = join('..', 'shared', 'spec-tests', 'change-streams');

/** Newest schema version this runner implements; files declaring a later 1.x (or another major) are refused. */
export const SUPPORTED_SCHEMA_VERSION: [major: number, minor: number] = [1, 7];

/** One parsed test file. */
export interface LoadedFile {
  /** File name, e.g. "change-streams-errors.json". */
  name: string;
  /** Parsed contents. */
  file: TestFile;
}

/** Absolute path of the change-stream spec folder; throws with the expected location when it is missing. */
export function locateSpecDir(): string {
  const dir = resolve(REPO_ROOT, SPEC_DIR_FROM_ROOT);
  if (!existsSync(dir)) {
    throw new Error(
      `change-stream spec tests not found at ${dir}; expected the shared folder next to the repository ` +
        `(${SPEC_DIR_FROM_ROOT} from ${REPO_ROOT}) holding MongoDB's unified change-stream JSON files`,
    );
  }
  return dir;
}

/** Every `*.json` file of `dir`, sorted by name and parsed as relaxed Extended JSON. */
export function loadSpecFiles(dir: string): LoadedFile[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (names.length === 0) throw new Error(`no .json spec files in ${dir}`);
  return names.map((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    try {
      return { name, file: EJSON.parse(text, { relaxed: true }) as TestFile };
    } catch (error) {
      throw new Error(`cannot parse ${join(dir, name)}: ${(error as Error).message}`);
    }
  });
}

/** Why this runner cannot process `file`'s schema version, or undefined when it can. */
export function unsupportedSchemaReason(file: TestFile): string | undefined {
  const [major, minor] = String(file.schemaVersion)
    .split('.')
    .map((part) => Number(part));
  const [supportedMajor, supportedMinor] = SUPPORTED_SCHEMA_VERSION;
  if (major === supportedMajor && minor !== undefined && minor <= supportedMinor) return undefined;
  return `schemaVersion ${file.schemaVersion} is not supported (this runner implements ${supportedMajor}.0 to ${supportedMajor}.${supportedMinor})`;
}
