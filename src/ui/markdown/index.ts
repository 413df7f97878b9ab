export { InlineMarkdown, Markdown, Prose } from './markdown.js';
export { parseInline, parseMarkdown, type Block, type Span } from './parse-markdown.js';
