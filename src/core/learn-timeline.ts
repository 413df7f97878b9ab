import type { TimelineEntry } from '../grading/timeline.js';

/**
 * The live event timeline of the interactive app: the harness's own timeline entries (orders inserted, events
 * delivered to the learner's listeners or held back by the outage, streams opened and closed), plus the resume token
 * of each event, and read off into one row per order so that a lost or duplicated event stands out.
 */

/** One timeline entry as the app receives it from the sandbox host. */
export interface LearnTimelineEntry extends TimelineEntry {
  /** The resume token (`_id._data`) of the event, for 'delivered' and 'held' entries. */
  readonly token?: string;
  /** True when it happened while an earlier step was replayed to rebuild the sandbox's state. */
  readonly replay: boolean;
}

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
   * lost: never delivered although an order inserted after it was; duplicated: delivered more than once;
   * pending: not delivered yet, and nothing later was either; ok: delivered exactly once.
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

/**
 * The rows of a timeline, in the order things happened: one row per order (at its insertion), and one per stream
 * opening or closing and outage boundary.
 */
export function timelineRows(entries: readonly LearnTimelineEntry[]): TimelineRow[] {
  const rows: (MarkRow | (Omit<OrderRow, 'fate' | 'heldOn' | 'deliveries'> & { heldOn: number[]; deliveries: { stream: number; token?: string }[]; at: number }))[] = [];
  const orders = new Map<string, (typeof rows)[number] & { kind: 'order' }>();
  let outage = false;
  entries.forEach((entry, at) => {
    const { kind, step, replay } = entry;
    if (kind === 'outage-started' || kind === 'outage-ended') outage = kind === 'outage-started';
    if (kind === 'inserted' && entry.order !== undefined) {
      const row = { kind: 'order' as const, order: entry.order, step, replay, duringOutage: outage, heldOn: [], deliveries: [], at };
      orders.set(entry.order, row);
      rows.push(row);
      return;
    }
    if (kind === 'delivered' || kind === 'held') {
      const row = entry.order === undefined ? undefined : orders.get(entry.order);
      if (row === undefined || entry.stream === undefined) return;
      if (kind === 'held') row.heldOn.push(entry.stream);
      else row.deliveries.push({ stream: entry.stream, ...(entry.token === undefined ? {} : { token: entry.token }) });
      return;
    }
    if (kind !== 'inserted') rows.push({ kind: 'mark', mark: kind, ...(entry.stream === undefined ? {} : { stream: entry.stream }), step, replay });
  });
  // An order is lost once a later order reached a listener while it never did: nothing will deliver it any more.
  const orderRows = rows.filter((row) => row.kind === 'order');
  return rows.map((row) => {
    if (row.kind === 'mark') return row;
    const { at: _at, ...rest } = row;
    const laterDelivered = orderRows.some((other) => other.at > row.at && other.deliveries.length > 0);
    const fate = row.deliveries.length > 1 ? 'duplicated' : row.deliveries.length === 1 ? 'ok' : laterDelivered ? 'lost' : 'pending';
    return { ...rest, fate };
  });
}

/**
 * A resume token short enough for a timeline row: the engine's and mongod's tokens start with the same bytes
 * (the cluster time's type and seconds), so the tail is what tells two of them apart.
 */
export function shortToken(token: string, length = 8): string {
  return token.length <= length ? token : `…${token.slice(-length)}`;
}
