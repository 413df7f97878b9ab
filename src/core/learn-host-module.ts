import { pathToFileURL } from 'node:url';
import { EJSON } from 'bson';
import type { ChangeStreamDocument } from 'mongodb';
import type { LessonChecks, LessonExplanations } from '../grading/api.js';
import { SessionHarness } from '../grading/harness.js';
import { runStepChecks, type StepOutcome } from '../grading/run-step.js';
import type { TimelineEntry } from '../grading/timeline.js';
import type { HostMethod, HostMethodContext } from '../sandbox/host/index.js';
import type { LearnTimelineEntry } from './learn-timeline.js';

/**
 * The interactive app's side of the sandbox host (loaded with `host.loadModule()`): it runs a step's set-up, the
 * learner's snippet and the step's checks on the grading layer's SessionHarness, like the grader's host module, and
 * in addition lets the app read the harness's timeline while a step runs ('learn.timeline'), with each event's
 * resume token. The grader's module only hands its timeline over when a run ends, which is too late for a live view.
 */

/** Arguments of 'learn.begin'. */
export interface LearnBeginArgs {
  readonly checksPath: string;
  readonly seed: number;
  readonly timeoutMs: number;
  readonly collection: string;
}

/** Arguments of 'learn.runStep'. */
export interface LearnRunStepArgs {
  readonly stepId: string;
  readonly code: string;
  /** True when an earlier step is run again to rebuild the state; its timeline entries say so. */
  readonly replay?: boolean;
}

/** What one step produced, as plain data (the grader's outcome, echo of the last expression included). */
export type LearnStepOutcome = StepOutcome;

/** The module shape a lesson's checks module has (see src/grading/api.ts). */
interface ChecksModule {
  checks?: LessonChecks;
  explanations?: LessonExplanations;
}

/** One run of the lesson in the open session. */
interface LearnRun {
  readonly harness: SessionHarness;
  readonly checks: LessonChecks;
  /** The app's timeline: the harness's entries with tokens, and the end of each run. */
  readonly entries: LearnTimelineEntry[];
  /** How many deliveries and holds each stream had so far, by `kind/stream`, to find each entry's event. */
  readonly counts: Map<string, number>;
  /** Resolves pending 'learn.timeline' calls. */
  waiters: (() => void)[];
  /** True while 'learn.runStep' is running. */
  running: boolean;
  /** True while that step is a replay. */
  replaying: boolean;
}

let run: LearnRun | undefined;

function current(): LearnRun {
  if (run === undefined) throw new Error("no lesson run: call 'learn.begin' after 'session.open'");
  return run;
}

function wake(learn: LearnRun): void {
  for (const waiter of learn.waiters.splice(0)) waiter();
}

/** The `explanations` a checks module exports, which the session gives learners for an undeclared name. */
async function explanations(_context: HostMethodContext, args: { checksPath: string }): Promise<Record<string, string>> {
  const module = (await import(pathToFileURL(args.checksPath).href)) as ChecksModule;
  return Object.fromEntries(Object.entries(module.explanations ?? {}).filter(([, text]) => typeof text === 'string'));
}

async function begin(context: HostMethodContext, args: LearnBeginArgs): Promise<void> {
  const module = (await import(pathToFileURL(args.checksPath).href)) as ChecksModule;
  if (module.checks === undefined) throw new Error(`${args.checksPath} does not export \`checks\``);
  // The checker's orders are numbered from order-0001 in every run: whatever an earlier run left must go.
  await context.session.db.dropDatabase();
  const harness = new SessionHarness(context.session, args);
  const learn: LearnRun = { harness, checks: module.checks, entries: [], counts: new Map(), waiters: [], running: false, replaying: false };
  // The harness appends to its timeline as things happen; watching the appends is what makes the view live.
  const push = harness.timeline.push.bind(harness.timeline);
  harness.timeline.push = (...entries: TimelineEntry[]) => {
    for (const entry of entries) learn.entries.push(withToken(learn, entry));
    wake(learn);
    return push(...entries);
  };
  run = learn;
}

async function runStep(context: HostMethodContext, args: LearnRunStepArgs): Promise<LearnStepOutcome> {
  const learn = current();
  const { harness } = learn;
  const step = learn.checks[args.stepId];
  if (step === undefined) throw new Error(`the checks module has no step "${args.stepId}"`);
  harness.step = args.stepId;
  learn.running = true;
  learn.replaying = args.replay === true;
  try {
    return await runStepChecks(context.session, harness, step, args.code);
  } finally {
    // A stream that is open but not started yet (no listener so far) may still deliver what it resumes from.
    const waiting = harness.streams.some((stream) => !stream.closed && !stream.ready);
    learn.entries.push({ kind: 'run-ended', step: args.stepId, replay: learn.replaying, waiting });
    learn.running = false;
    learn.replaying = false;
    wake(learn);
  }
}

/**
 * The timeline entries from index `since` on. While a step runs and there are none yet, it answers when the next
 * one arrives or the step ends: the app calls it in a loop during a run instead of polling on a timer.
 */
async function timeline(_context: HostMethodContext, args: { since: number }): Promise<LearnTimelineEntry[]> {
  const learn = current();
  if (learn.entries.length <= args.since && learn.running) await new Promise<void>((resolve) => learn.waiters.push(resolve));
  return learn.entries.slice(args.since);
}

/** Ends the run: the learner's streams close and the database is dropped, so a fresh run starts clean. */
async function finish(context: HostMethodContext): Promise<void> {
  const learn = run;
  run = undefined;
  if (learn !== undefined) wake(learn);
  await context.session.streams.closeAll();
  await context.session.db.dropDatabase().catch(() => undefined);
}

/**
 * A harness entry as the app's, with the token of a delivered or held event. The harness adds the n-th delivery (or
 * hold) on a stream to the stream's list as it records the entry, so the event is the n-th of that list.
 */
function withToken(learn: LearnRun, entry: TimelineEntry): LearnTimelineEntry {
  const replay = learn.replaying;
  if ((entry.kind !== 'delivered' && entry.kind !== 'held') || entry.stream === undefined) return { ...entry, replay };
  const key = `${entry.kind}/${entry.stream}`;
  const n = learn.counts.get(key) ?? 0;
  learn.counts.set(key, n + 1);
  const view = learn.harness.streams.find((s) => s.id === entry.stream);
  const event: ChangeStreamDocument | undefined = (entry.kind === 'delivered' ? view?.delivered : view?.held)?.[n];
  const token = event === undefined ? undefined : tokenText(event._id);
  return { ...entry, replay, ...(token === undefined ? {} : { token }) };
}

/** A resume token as text: its `_data` string, or canonical Extended JSON for any other shape. */
function tokenText(id: unknown): string | undefined {
  const data = (id as { _data?: unknown } | undefined)?._data;
  if (typeof data === 'string') return data;
  try {
    return EJSON.stringify(id, { relaxed: false });
  } catch {
    return undefined;
  }
}

/** A check that threw is the lesson's bug (or a learner value it did not expect); the step cannot pass. */
/** The methods the interactive session calls, by name. */
export const methods: Record<string, HostMethod> = {
  'learn.explanations': explanations,
  'learn.begin': begin,
  'learn.runStep': runStep,
  'learn.timeline': timeline,
  'learn.finish': finish,
};
