// Replaces dist/ui/ink.js (tsc's re-export of 'ink') with one bundled file: importing Ink's ~100
// modules one by one costs ~290 ms at start-up, the bundle ~100 ms, which is most of the time to
// the app's first frame. React stays external so that Ink and our components share one React.
// Usage: node scripts/bundle-ink.mjs [distDir]
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(process.argv[2] ?? join(root, 'dist'));

await build({
  entryPoints: [join(root, 'node_modules/ink/build/index.js')],
  outfile: join(dist, 'ui/ink.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['react', 'react/*'],
  alias: { 'react-devtools-core': join(root, 'scripts/ink-devtools-stub.js') },
  // Some of Ink's dependencies are CommonJS and call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
