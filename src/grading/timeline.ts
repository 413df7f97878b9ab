/**
 * What happened to the harness's orders during one grading run, in order: inserted, delivered to the learner's
 * listeners or held back by the outage, and when streams opened and closed. The report prints it so a failure such
 * as a lost order can be seen, not only read about.
 */

/** The kinds of timeline entries. */
export type TimelineKind =
  | 'inserted'
  | 'delivered'
  | 'held'
  | 'stream-opened'
  | 'stream-closed'
  | 'outage-started'
  | 'outage-ended';

/** One thing that happened. */
export interface TimelineEntry {
  /** The id of the step that was being graded (or replayed) when it happened. */
  readonly step: string;
  readonly kind: TimelineKind;
  /** The learner stream concerned, by its 1-based number in opening order. */
  readonly stream?: number;
  /** The harness order concerned (`order-0003`). */
  readonly order?: string;
}

/** A timeline entry in a submission's report: the number of the run says which session it happened in. */
export interface RunTimelineEntry extends TimelineEntry {
  /**
   * 1-based number of the run in the submission: run 1 is the learner's code from the first step; each later run
   * rebuilt the state after a failed step, with the reference solution standing in for the failed steps.
   */
  readonly run: number;
}

/** What became of one harness order in one run, read off the timeline. */
export interface OrderFate {
  readonly run: number;
  readonly order: string;
  /** The step during which it was inserted. */
  readonly insertedIn: string;
  /** The streams whose outage held it back. */
  readonly heldOn: readonly number[];
  /** The streams it was delivered on, once per delivery: two entries mean the learner's code saw it twice. */
  readonly deliveredOn: readonly number[];
}

/**
 * The fate of each inserted order, run by run in insertion order; lost orders have no delivery, duplicated ones
 * several.
 */
export function orderFates(timeline: readonly RunTimelineEntry[]): OrderFate[] {
  const fates = new Map<string, { run: number; order: string; insertedIn: string; heldOn: number[]; deliveredOn: number[] }>();
  for (const entry of timeline) {
    if (entry.order === undefined) continue;
    const key = `${entry.run}/${entry.order}`;
    if (entry.kind === 'inserted') fates.set(key, { run: entry.run, order: entry.order, insertedIn: entry.step, heldOn: [], deliveredOn: [] });
    const fate = fates.get(key);
    if (fate === undefined || entry.stream === undefined) continue;
    if (entry.kind === 'held') fate.heldOn.push(entry.stream);
    if (entry.kind === 'delivered') fate.deliveredOn.push(entry.stream);
  }
  return [...fates.values()];
}
