// `npm run bench`: prints the engine's figures. Benchmarks report numbers; they never pass or fail.
import { benchApp } from './app.js';
import { benchGrading } from './grading.js';
import { benchLatency } from './latency.js';
import { benchResume } from './resume.js';
import { benchStartup } from './startup.js';
import { benchThroughput } from './throughput.js';

const BENCHES: [string, () => Promise<Record<string, string>>][] = [
  ['start-up: startReplSet() to first ping', benchStartup],
  ['insert-to-listener latency (single inserts)', benchLatency],
  ['change-stream throughput (100,000 orders)', benchThroughput],
  ['resume cost (token 10 events back)', benchResume],
  ['grading one resume-tokens submission (embedded)', benchGrading],
  ['interactive app: first frame and run to results (embedded)', benchApp],
];

const only = process.argv.slice(2);
for (const [name, bench] of BENCHES) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  const figures = await bench();
  console.log(`\n${name}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(32)} ${value}`);
}
