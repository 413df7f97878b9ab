import { Box, Text } from '../ink.js';
import { shortToken, timelineRows, type LearnTimelineEntry, type OrderRow, type TimelineRow } from '../../core/learn-timeline.js';
import { useTheme } from '../theme/index.js';

/** Props of Timeline. */
export interface TimelineProps {
  readonly entries: readonly LearnTimelineEntry[];
  /** Most rows shown; the latest ones are kept. */
  readonly maxRows?: number;
}

/** Rows shown when no limit is given. */
const DEFAULT_ROWS = 16;

/**
 * The live event timeline: each order the checker inserted, the stream(s) its change event reached the learner's
 * listeners on with the event's shortened resume token, the outage window, and lost or duplicated events in red.
 */
export function Timeline({ entries, maxRows = DEFAULT_ROWS }: TimelineProps) {
  const theme = useTheme();
  const rows = timelineRows(entries);
  const orders = rows.filter((row): row is OrderRow => row.kind === 'order');
  const lost = orders.filter((row) => row.fate === 'lost').length;
  const duplicated = orders.filter((row) => row.fate === 'duplicated').length;
  const shown = rows.slice(-maxRows);
  // Rows inside the outage window get a bar in the margin, also when the window's start has scrolled away.
  let outage = rows.slice(0, rows.length - shown.length).reduce(inOutage, false);
  return (
    <Box flexDirection="column">
      <Text bold>
        Event timeline <Text color={theme.tone('muted')}>(order → stream, token)</Text>
      </Text>
      {rows.length === 0 ? <Text color={theme.tone('muted')}>Nothing yet: the checker inserts orders when a step runs.</Text> : null}
      {orders.length > 0 ? (
        <Text color={lost + duplicated > 0 ? theme.tone('failure') : theme.tone('muted')}>
          {`${orders.length} orders: ${lost} lost, ${duplicated} duplicated`}
        </Text>
      ) : null}
      {rows.length > shown.length ? <Text color={theme.tone('muted')}>{`… ${rows.length - shown.length} earlier rows`}</Text> : null}
      {shown.map((row, i) => {
        const before = outage;
        outage = inOutage(outage, row);
        return <RowView key={i} row={row} outage={before || outage} />;
      })}
    </Box>
  );
}

function inOutage(outage: boolean, row: TimelineRow): boolean {
  if (row.kind !== 'mark') return outage;
  if (row.mark === 'outage-started') return true;
  return row.mark === 'outage-ended' ? false : outage;
}

function RowView({ row, outage }: { row: TimelineRow; outage: boolean }) {
  const theme = useTheme();
  const margin = <Text color={theme.tone('warning')}>{outage ? '┃ ' : '  '}</Text>;
  const replay = row.replay ? <Text color={theme.tone('muted')}> ↺ replay</Text> : null;
  if (row.kind === 'mark') {
    const text = {
      'stream-opened': `stream #${row.stream} opened`,
      'stream-closed': `stream #${row.stream} closed`,
      'outage-started': `outage: listeners on #${row.stream ?? '?'} get nothing`,
      'outage-ended': 'outage over',
    }[row.mark];
    const tone = row.mark.startsWith('outage') ? 'warning' : 'muted';
    return (
      <Text>
        {margin}
        <Text color={theme.tone(tone)}>{text}</Text>
        {replay}
      </Text>
    );
  }
  const bad = row.fate === 'lost' || row.fate === 'duplicated';
  return (
    <Text>
      {margin}
      <Text color={bad ? theme.tone('failure') : undefined}>{row.order}</Text>
      {row.heldOn.length > 0 ? <Text color={theme.tone('warning')}>{` held #${row.heldOn.join(',#')}`}</Text> : null}
      {row.deliveries.map((delivery, i) => (
        <Text key={i} color={row.fate === 'duplicated' ? theme.tone('failure') : theme.tone('success')}>
          {` → #${delivery.stream}`}
          {delivery.token === undefined ? '' : <Text color={theme.tone('muted')}>{` ${shortToken(delivery.token)}`}</Text>}
        </Text>
      ))}
      {row.fate === 'lost' ? <Text bold color={theme.tone('failure')}> LOST</Text> : null}
      {row.fate === 'duplicated' ? <Text bold color={theme.tone('failure')}>{` DUPLICATED ×${row.deliveries.length}`}</Text> : null}
      {row.fate === 'pending' ? <Text color={theme.tone('muted')}> not delivered yet</Text> : null}
      {replay}
    </Text>
  );
}
