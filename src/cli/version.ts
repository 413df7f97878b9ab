import { readFileSync } from 'node:fs';

/**
 * The version in package.json. Read at run time rather than imported: src/cli/ and dist/cli/ both sit two levels
 * below the package root, while a JSON import would fall outside the build's rootDir.
 */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return String((JSON.parse(text) as { version: unknown }).version);
}
