import { Text } from '../ink.js';
import { useTheme } from '../theme/index.js';

/** One key and what it does. */
export interface HelpItem {
  readonly key: string;
  readonly label: string;
}

/** The keys that work right now, on one line: `Ctrl+R run · Esc more keys · …`. */
export function HelpLine({ items }: { items: readonly HelpItem[] }) {
  const theme = useTheme();
  return (
    <Text>
      {items.map((item, i) => (
        <Text key={item.key}>
          {i > 0 ? <Text color={theme.tone('muted')}> · </Text> : null}
          <Text bold color={theme.tone('accent')}>
            {item.key}
          </Text>
          {` ${item.label}`}
        </Text>
      ))}
    </Text>
  );
}
