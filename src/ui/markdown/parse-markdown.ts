/**
 * The small part of Markdown that lesson prose uses, as blocks to render in a terminal: paragraphs, headings, list
 * items and fenced code blocks, with inline code, bold, italics and links. Anything else stays text.
 */

/** A run of text with one style. */
export interface Span {
  readonly style: 'text' | 'code' | 'bold' | 'italic';
  readonly text: string;
}

/** A block of the document. */
export type Block =
  | { readonly kind: 'paragraph'; readonly spans: readonly Span[] }
  | { readonly kind: 'heading'; readonly level: number; readonly spans: readonly Span[] }
  | { readonly kind: 'list-item'; readonly marker: string; readonly spans: readonly Span[] }
  | { readonly kind: 'code'; readonly lang: string; readonly lines: readonly string[] };

const FENCE = /^\s*(```|~~~)\s*([\w-]*)\s*$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+(.*)$/;

/** The blocks of a Markdown text, in order. */
export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let item: { marker: string; text: string[] } | undefined;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', spans: parseInline(paragraph.join(' ')) });
    if (item !== undefined) blocks.push({ kind: 'list-item', marker: item.marker, spans: parseInline(item.text.join(' ')) });
    paragraph = [];
    item = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence !== null) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence[1]!); i++) body.push(lines[i]!);
      blocks.push({ kind: 'code', lang: fence[2] ?? '', lines: body });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length, spans: parseInline(heading[2]!) });
      continue;
    }
    const listItem = LIST_ITEM.exec(line);
    if (listItem !== null) {
      flush();
      item = { marker: /\d/.test(listItem[1]!) ? listItem[1]! : '•', text: [listItem[2]!] };
      continue;
    }
    // An indented line under a list item continues it; any other line continues the paragraph.
    if (item !== undefined) item.text.push(line.trim());
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|(?<![\w])_([^_\s][^_]*)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** The spans of one line of inline Markdown. */
export function parseInline(text: string): Span[] {
  const spans: Span[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) spans.push({ style: 'text', text: text.slice(last, match.index) });
    const [, code, bold, bold2, italic, italic2, label, url] = match;
    if (code !== undefined) spans.push({ style: 'code', text: code });
    else if (bold !== undefined || bold2 !== undefined) spans.push({ style: 'bold', text: (bold ?? bold2)! });
    else if (italic !== undefined || italic2 !== undefined) spans.push({ style: 'italic', text: (italic ?? italic2)! });
    else spans.push({ style: 'text', text: `${label} (${url})` });
    last = match.index + match[0].length;
  }
  if (last < text.length) spans.push({ style: 'text', text: text.slice(last) });
  return spans;
}
