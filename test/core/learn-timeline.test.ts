import { describe, expect, it } from 'vitest';
import { shortToken, timelineRows, type LearnTimelineEntry } from '../../src/core/learn-timeline.js';

/** Timeline entries written compactly: `inserted 1`, `delivered 1 on 2`, `held 1 on 1`, `run-ended`, marks. */
function entries(...lines: string[]): LearnTimelineEntry[] {
  return lines.map((line): LearnTimelineEntry => {
    const [kind, a, , b] = line.split(' ') as [string, string?, string?, string?];
    const step = 's';
    if (kind === 'run-ended') return { kind, step, replay: false, waiting: a === 'waiting' };
    if (kind === 'inserted') return { kind, step, replay: false, order: `order-${a}` };
    if (kind === 'delivered' || kind === 'held') return { kind, step, replay: false, order: `order-${a}`, stream: Number(b), token: `82000000AA0000000${a}` };
    return { kind: kind as 'stream-opened', step, replay: false, ...(a === undefined ? {} : { stream: Number(a) }) };
  });
}

const fates = (list: LearnTimelineEntry[]) => timelineRows(list).flatMap((row) => (row.kind === 'order' ? [`${row.order}:${row.fate}`] : []));

describe('core/learn-timeline', () => {
  it('gives one row per order with its deliveries, and rows for marks, in order', () => {
    const rows = timelineRows(entries('stream-opened 1', 'inserted 1', 'delivered 1 on 1', 'outage-started 1', 'inserted 2', 'held 2 on 1'));
    expect(rows).toEqual([
      { kind: 'mark', mark: 'stream-opened', stream: 1, step: 's', replay: false },
      { kind: 'order', order: 'order-1', step: 's', replay: false, duringOutage: false, heldOn: [], deliveries: [{ stream: 1, token: '82000000AA00000001' }], fate: 'ok' },
      { kind: 'mark', mark: 'outage-started', stream: 1, step: 's', replay: false },
      { kind: 'order', order: 'order-2', step: 's', replay: false, duringOutage: true, heldOn: [1], deliveries: [], fate: 'pending' },
    ]);
  });

  it('calls an order lost only once a run ended with the outage over and no stream left to deliver it', () => {
    const run = ['stream-opened 1', 'inserted 1', 'outage-started 1', 'inserted 2', 'held 2 on 1'];
    expect(fates(entries(...run, 'run-ended'))).toEqual(['order-1:pending', 'order-2:pending']);
    expect(fates(entries(...run, 'outage-ended', 'stream-opened 2', 'run-ended waiting'))).toEqual(['order-1:pending', 'order-2:pending']);
    expect(fates(entries(...run, 'outage-ended', 'stream-opened 2', 'run-ended'))).toEqual(['order-1:lost', 'order-2:lost']);
    expect(fates(entries(...run, 'outage-ended', 'run-ended', 'delivered 2 on 2'))).toEqual(['order-1:lost', 'order-2:ok']);
  });

  it('marks an order delivered twice as duplicated', () => {
    expect(fates(entries('inserted 1', 'delivered 1 on 1', 'delivered 1 on 2', 'run-ended'))).toEqual(['order-1:duplicated']);
  });

  it('shortens a token to the end of its cluster time', () => {
    expect(shortToken('826B0654A6000000032B042C0100296E5A1004')).toBe('…54A6:0003');
    expect(shortToken('abc')).toBe('abc');
    expect(shortToken('{"$binary":"0123456789abcdef"}')).toBe('…9abcdef"}');
  });
});
