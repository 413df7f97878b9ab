import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../../../src/ui/markdown/parse-markdown.js';

describe('ui/markdown/parse-markdown', () => {
  it('splits prose into paragraphs, joining soft-wrapped lines', () => {
    expect(parseMarkdown('one\ntwo\n\nthree')).toEqual([
      { kind: 'paragraph', spans: [{ style: 'text', text: 'one two' }] },
      { kind: 'paragraph', spans: [{ style: 'text', text: 'three' }] },
    ]);
  });

  it('keeps fenced code as lines, with its language', () => {
    expect(parseMarkdown('Open it:\n\n```js\nconst a = 1;\n\nb();\n```\nafter')).toEqual([
      { kind: 'paragraph', spans: [{ style: 'text', text: 'Open it:' }] },
      { kind: 'code', lang: 'js', lines: ['const a = 1;', '', 'b();'] },
      { kind: 'paragraph', spans: [{ style: 'text', text: 'after' }] },
    ]);
  });

  it('reads headings and list items, a continuation line included', () => {
    expect(parseMarkdown('# Title\n- a\n  more\n2. b')).toEqual([
      { kind: 'heading', level: 1, spans: [{ style: 'text', text: 'Title' }] },
      { kind: 'list-item', marker: '•', spans: [{ style: 'text', text: 'a more' }] },
      { kind: 'list-item', marker: '2.', spans: [{ style: 'text', text: 'b' }] },
    ]);
  });

  it('sets inline code, bold, italics and links apart', () => {
    expect(parseInline('use `watch()` **now**, *please*, see [docs](https://x.y/z)')).toEqual([
      { style: 'text', text: 'use ' },
      { style: 'code', text: 'watch()' },
      { style: 'text', text: ' ' },
      { style: 'bold', text: 'now' },
      { style: 'text', text: ', ' },
      { style: 'italic', text: 'please' },
      { style: 'text', text: ', see ' },
      { style: 'text', text: 'docs (https://x.y/z)' },
    ]);
  });

  it('leaves snake_case words alone', () => {
    expect(parseInline('a resume_token_value here')).toEqual([{ style: 'text', text: 'a resume_token_value here' }]);
  });
});
