import { resolveConfig } from '../core/config.js';
import type { CliCommand } from './command.js';

/** `resume-lab db`: the embedded replica set in the foreground, for mongosh, Compass or a learner's own scripts. */
export const db: CliCommand = {
  name: 'db',
  synopsis: '[--port N] [--oplog-size N]',
  summary: 'run the embedded replica set in the foreground, print its URI',
  description: [
    'Runs the embedded replica set on 127.0.0.1 until Ctrl+C (SIGINT) or SIGTERM.',
    'The first line on stdout is its connection string and nothing comes before it, so a script can read that line',
    'and connect while the replica set keeps running. Everything else (how to connect, engine log lines) goes to stderr.',
  ].join('\n'),
  options: {
    port: { type: 'string', valueName: 'N', help: 'TCP port on 127.0.0.1; 0 picks a free one', config: 'port' },
    'oplog-size': { type: 'string', valueName: 'N', help: 'oplog capacity in events', config: 'oplogSize' },
  },
  async run(flags, _positionals, io) {
    const port = resolveConfig('port', flags);
    const oplogSize = resolveConfig('oplogSize', flags);
    // Loaded here, not at the top: --help and usage errors must work without loading the engine.
    const { embeddedTarget } = await import('../targets/embedded.js');
    const target = await embeddedTarget({
      port,
      oplogSize,
      log: (line) => io.stderr.write(`engine: ${line}\n`),
    }).start();
    // Listen before printing: whoever reads the URI may signal at once, and must get a clean stop, not a kill.
    const stopSignal = nextStopSignal();
    io.stdout.write(`${target.uri}\n`);
    io.stderr.write(`Replica set ready: connect with mongosh "${target.uri}" or any driver. Press Ctrl+C to stop.\n`);
    const signal = await stopSignal;
    await target.stop();
    io.stderr.write(`Stopped (${signal}).\n`);
    return 0;
  },
};

/**
 * Resolves on the first SIGINT or SIGTERM. Both handlers are removed then, so a second Ctrl+C during a slow stop
 * falls back to Node's default and ends the process at once.
 */
function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
    const onSignal = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, onSignal);
      resolve(signal);
    };
    for (const s of signals) process.on(s, onSignal);
  });
}
