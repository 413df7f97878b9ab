import type { TimelineEntry } from '../grading/timeline.js';

/**
 * The live event timeline of the interactive app: the harness's own timeline entries (orders inserted, events
 * delivered to the learner's listeners or held back by the outage, streams opened and closed), plus the resume token
 * of each event, and read off into one row per order so that a lost or duplicated event stands out.
 */

/** One of the harness's timeline entries as the app receives it from the sandbox host. */
export interface HarnessTimelineEntry extends TimelineEntry {
  /** The resume token (`_id._data`) of the event, for 'delivered' and 'held' entries. */
  readonly token?: string;
  /** True when it happened while an earlier step was replayed to rebuild the sandbox's state. */
  readonly replay: boolean;
}

/** The end of a step's run, which is when an order that did not arrive counts as lost. */
export interface RunEndedEntry {
  readonly kind: 'run-ended';
  readonly step: string;
  readonly replay: boolean;
  /**
   * True when a learner stream was open but not started (no listener yet) as the run ended: it may still deliver the
   * orders it resumes from, so those are not lost yet.
   */
  readonly waiting: boolean;
}

/** One timeline entry as the app receives it from the sandbox host. */
export type LearnTimelineEntry = HarnessTimelineEntry | RunEndedEntry;

/** What became of one order: where it went, and whether that is a problem. */
export interface OrderRow {
  readonly kind: 'order';
  readonly order: string;
  /** The step during which the checker inserted it. */
  readonly step: string;
  readonly replay: boolean;
  /** True when the consumer outage was on when it was inserted. */
  readonly duringOutage: boolean;
  /** The streams that held it back (the learner's listener never saw it there). */
  readonly heldOn: readonly number[];
  /** Every delivery to a learner listener, in order, with the event's token. */
  readonly deliveries: readonly { readonly stream: number; readonly token?: string }[];
  /**
   * ok: delivered exactly once; duplicated: delivered more than once; lost: not delivered by the end of a run, with
   * the outage over and no stream left that could still deliver it; pending: not delivered yet, and it still may be.
   */
  readonly fate: 'ok' | 'pending' | 'lost' | 'duplicated';
}

/** A stream opening or closing, or the outage starting or ending, between the order rows. */
export interface MarkRow {
  readonly kind: 'mark';
  readonly mark: 'stream-opened' | 'stream-closed' | 'outage-started' | 'outage-ended';
  readonly stream?: number;
  readonly step: string;
  readonly replay: boolean;
}

/** A row of the timeline as the app shows it. */
export type TimelineRow = OrderRow | MarkRow;

/** An order's row while the entries are read. */
type OrderDraft = Omit<OrderRow, 'fate' | 'heldOn' | 'deliveries'> & {
  heldOn: number[];
  deliveries: { stream: number; token?: string }[];
  /** Whether a run has ended since it was inserted, and whether nothing could deliver it then. */
  settled?: boolean;
};

/**
 * The rows of a timeline, in the order things happened: one row per order (at its insertion), and one per stream
 * opening or closing and outage boundary.
 */
export function timelineRows(entries: readonly LearnTimelineEntry[]): TimelineRow[] {
  const rows: (MarkRow | OrderDraft)[] = [];
  const orders = new Map<string, OrderDraft>();
  let outage = false;
  for (const entry of entries) {
    if (entry.kind === 'run-ended') {
      // Once a run is over, an order nothing delivered is lost, unless the outage holds it or a stream may yet send it.
      for (const row of orders.values()) if (row.deliveries.length === 0) row.settled = !outage && !entry.waiting;
      continue;
    }
    const { kind, step, replay } = entry;
    if (kind === 'outage-started' || kind === 'outage-ended') outage = kind === 'outage-started';
    if (kind === 'inserted' && entry.order !== undefined) {
      const row: OrderDraft = { kind: 'order', order: entry.order, step, replay, duringOutage: outage, heldOn: [], deliveries: [] };
      orders.set(entry.order, row);
      rows.push(row);
    } else if (kind === 'delivered' || kind === 'held') {
      const row = entry.order === undefined ? undefined : orders.get(entry.order);
      if (row === undefined || entry.stream === undefined) continue;
      if (kind === 'held') row.heldOn.push(entry.stream);
      else row.deliveries.push({ stream: entry.stream, ...(entry.token === undefined ? {} : { token: entry.token }) });
    } else if (kind !== 'inserted') {
      rows.push({ kind: 'mark', mark: kind, ...(entry.stream === undefined ? {} : { stream: entry.stream }), step, replay });
    }
  }
  return rows.map((row) => {
    if (row.kind === 'mark') return row;
    const { settled, ...rest } = row;
    const fate = row.deliveries.length > 1 ? 'duplicated' : row.deliveries.length === 1 ? 'ok' : settled === true ? 'lost' : 'pending';
    return { ...rest, fate };
  });
}

/**
 * A resume token short enough for a timeline row. The `_data` of a token (the engine's and mongod's alike) starts
 * with the event's cluster time: `82`, then the seconds and the increment as 8 hex digits each. Their last four digits
 * tell the events of a session apart, so `826B0654A600000003…` shows as `…54A6:0003`. Other tokens show their tail.
 */
export function shortToken(token: string): string {
  if (/^82[0-9A-Fa-f]{16}/.test(token)) return `…${token.slice(6, 10)}:${token.slice(14, 18)}`;
  return token.length <= 10 ? token : `…${token.slice(-9)}`;
}
