import { Box, Text, Transform } from '../ink.js';
import type { ReactNode } from 'react';
import { useTheme } from '../theme/index.js';
import { parseInline, parseMarkdown, type Block, type Span } from './parse-markdown.js';

/** Lesson prose (instructions, hints) rendered for the terminal, with code set apart from the words. */
export function Markdown({ source }: { source: string }) {
  const blocks = parseMarkdown(source);
  return (
    <Box flexDirection="column" gap={1}>
      {groupLists(blocks).map((group, i) => (
        <Box key={i} flexDirection="column">
          {group.map((block, j) => (
            <BlockView key={j} block={block} />
          ))}
        </Box>
      ))}
    </Box>
  );
}

/** One line of inline Markdown, such as a hint. */
export function InlineMarkdown({ source }: { source: string }) {
  return (
    <Prose>
      <Spans spans={parseInline(source)} />
    </Prose>
  );
}

/**
 * Wrapped prose without a stray space at the start of a continuation line: Ink wraps with wrap-ansi's `trim: false`,
 * which moves the space a full line ends on to the front of the next one.
 */
export function Prose({ children }: { children: ReactNode }) {
  return <Transform transform={dropWrapSpace}>{children}</Transform>;
}

/** A continuation line's leading space, after any style codes that open it. */
function dropWrapSpace(line: string, index: number): string {
  return index === 0 ? line : line.replace(/^((?:\x1b\[[0-9;]*m)*) /, '$1');
}

/** Consecutive list items stay together; every other block is a group of its own, with a blank line between groups. */
function groupLists(blocks: readonly Block[]): Block[][] {
  const groups: Block[][] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.kind === 'list-item' && last?.[0]?.kind === 'list-item') last.push(block);
    else groups.push([block]);
  }
  return groups;
}

function BlockView({ block }: { block: Block }) {
  const theme = useTheme();
  switch (block.kind) {
    case 'paragraph':
      return (
        <Prose>
          <Spans spans={block.spans} />
        </Prose>
      );
    case 'heading':
      return (
        <Prose>
          <Text bold underline>
            <Spans spans={block.spans} />
          </Text>
        </Prose>
      );
    case 'list-item':
      return (
        <Box>
          <Text>{`  ${block.marker} `}</Text>
          <Prose>
            <Spans spans={block.spans} />
          </Prose>
        </Box>
      );
    case 'code':
      // A bar down the left sets the block apart, with or without colour.
      return (
        <Box flexDirection="column" borderStyle="single" borderTop={false} borderRight={false} borderBottom={false} borderColor={theme.tone('muted')} paddingLeft={1}>
          {block.lines.map((line, i) => (
            <Text key={i} color={theme.tone('code')}>
              {line === '' ? ' ' : line}
            </Text>
          ))}
        </Box>
      );
  }
}

function Spans({ spans }: { spans: readonly Span[] }) {
  const theme = useTheme();
  return (
    <Text>
      {spans.map((span, i) => {
        switch (span.style) {
          case 'code':
            // Without colour the backticks stay, so code still stands out from the words.
            return (
              <Text key={i} color={theme.tone('code')}>
                {theme.color ? span.text : `\`${span.text}\``}
              </Text>
            );
          case 'bold':
            return (
              <Text key={i} bold>
                {span.text}
              </Text>
            );
          case 'italic':
            return (
              <Text key={i} italic>
                {span.text}
              </Text>
            );
          default:
            return <Text key={i}>{span.text}</Text>;
        }
      })}
    </Text>
  );
}
