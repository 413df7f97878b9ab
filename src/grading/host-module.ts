import { pathToFileURL } from 'node:url';
import type { HostMethod, HostMethodContext } from '../sandbox/host/index.js';
import type { LessonChecks, LessonExplanations } from './api.js';
import { SessionHarness } from './harness.js';
import { runStepChecks, type StepOutcome } from './run-step.js';
import type { TimelineEntry } from './timeline.js';

/**
 * The grading side that runs inside the sandbox host (loaded with `host.loadModule()`), next to the learner's
 * objects: it imports the lesson's checks module and runs each step's set-up, the learner's code and the checks.
 * Only plain data crosses back to the grader.
 */

/** What 'grading.inspect' finds in a checks module. */
export interface ChecksInfo {
  /** Step ids that have a `check` function, in the module's order. */
  readonly steps: string[];
  /** Export names and entries that are not what the format expects, in words. */
  readonly problems: string[];
  readonly explanations: Record<string, string>;
}

/** Arguments of 'grading.begin'. */
export interface BeginArgs {
  readonly checksPath: string;
  readonly seed: number;
  readonly timeoutMs: number;
  readonly collection: string;
}

/** Arguments of 'grading.runStep'. */
export interface RunStepArgs {
  readonly stepId: string;
  readonly code: string;
}

export type { StepOutcome } from './run-step.js';

/** The module shape the format asks for. */
interface ChecksModule {
  checks?: LessonChecks;
  explanations?: LessonExplanations;
}

const modules = new Map<string, Promise<ChecksModule>>();
let harness: SessionHarness | undefined;
let checksPath = '';

/** Imports a checks module once per host; it holds no state of its own (state lives in the harness). */
function importChecks(path: string): Promise<ChecksModule> {
  let module = modules.get(path);
  if (module === undefined) {
    module = import(pathToFileURL(path).href) as Promise<ChecksModule>;
    modules.set(path, module);
  }
  return module;
}

async function inspect(_context: HostMethodContext, args: { checksPath: string }): Promise<ChecksInfo> {
  const module = await importChecks(args.checksPath);
  const problems: string[] = [];
  const checks = module.checks;
  if (checks === null || typeof checks !== 'object') {
    return { steps: [], problems: ['it does not export `checks`, an object with one entry per step'], explanations: {} };
  }
  const steps = Object.entries(checks).flatMap(([id, step]) => {
    if (typeof step?.check !== 'function') problems.push(`checks["${id}"] has no check(h) function`);
    else if (step.before !== undefined && typeof step.before !== 'function') problems.push(`checks["${id}"].before is not a function`);
    else return [id];
    return [];
  });
  const explanations = Object.fromEntries(Object.entries(module.explanations ?? {}).filter(([, text]) => typeof text === 'string'));
  return { steps, problems, explanations };
}

async function begin(context: HostMethodContext, args: BeginArgs): Promise<void> {
  await importChecks(args.checksPath);
  checksPath = args.checksPath;
  harness = new SessionHarness(context.session, args);
}

async function runStep(context: HostMethodContext, args: RunStepArgs): Promise<StepOutcome> {
  const h = current();
  const step = (await importChecks(checksPath)).checks![args.stepId]!;
  h.step = args.stepId;
  return runStepChecks(context.session, h, step, args.code);
}

/** Ends a run: drops its database, and returns its timeline. */
async function finish(context: HostMethodContext): Promise<TimelineEntry[]> {
  const h = current();
  harness = undefined;
  await context.session.streams.closeAll();
  await context.session.db.dropDatabase().catch(() => undefined);
  return h.timeline;
}

/** Drops the database of a run whose host died before it could end the run. */
async function drop(context: HostMethodContext, args: { dbName: string }): Promise<void> {
  await context.session.client.db(args.dbName).dropDatabase();
}

function current(): SessionHarness {
  if (harness === undefined) throw new Error("no grading run: call 'grading.begin' after 'session.open'");
  return harness;
}

/**
 * A check that threw is the lesson's bug, or a learner value it did not expect; either way the step cannot pass,
 * and the message says where it came from.
 */
/** The methods the grader calls, by name. */
export const methods: Record<string, HostMethod> = {
  'grading.inspect': inspect,
  'grading.begin': begin,
  'grading.runStep': runStep,
  'grading.finish': finish,
  'grading.drop': drop,
};
