import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
// A test reads article files the way the core does: front matter off, the body to the editor.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { readFrontMatter } from '../../main/articles/index.js';
import { editorExtensions } from './editorExtensions';
import { ArticleImage } from './extensions/articleImage';
import { losslessMarkdown } from './losslessMarkdown';

const root = path.resolve(import.meta.dirname, '../..');
const articlesDir = path.join(root, 'resources/sample-workspace/articles');
const sitesDir = path.join(root, 'tests/fixtures/sites');

const markdownFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(file);
    return /\.mdx?$/.test(entry.name) ? [file] : [];
  });

/** The body the studio hands to the editor: the file without its front matter. */
function bodyOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  try {
    return readFrontMatter(text, file).body;
  } catch {
    return text;
  }
}

const articles = readdirSync(articlesDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => path.join(articlesDir, f));
const sitePages = markdownFiles(sitesDir);
const allFiles = [...articles, ...sitePages];
const name = (file: string) => path.relative(root, file);

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((e) => e.destroy()));

/** A headless editor loaded the way RichTextEditor loads an article, and its lossless Markdown. */
function open(markdown: string) {
  // As the studio loads an article (RichTextEditor.tsx): through setContent.
  const editor = new Editor({
    extensions: [...editorExtensions, ArticleImage],
    content: { type: 'doc', content: [{ type: 'paragraph' }] },
  });
  editor.commands.setContent(markdown, { contentType: 'markdown', emitUpdate: false });
  editors.push(editor);
  return { editor, markdown: losslessMarkdown(editor, markdown) };
}

/** Position right after the first occurrence of `needle` in the document's text. */
function after(editor: Editor, needle: string): number {
  let at = -1;
  editor.state.doc.descendants((node, pos) => {
    if (at >= 0 || !node.isText) return at < 0;
    const i = node.text!.indexOf(needle);
    if (i >= 0) at = pos + i + needle.length;
    return false;
  });
  if (at < 0) throw new Error(`"${needle}" is not in the document`);
  return at;
}

function type(editor: Editor, at: number, text: string) {
  editor.chain().setTextSelection(at).insertContent({ type: 'text', text }).run();
}

/** Lines of `after` that differ from `before` at the same line number; both have as many lines. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
}

describe('opening and saving without an edit', () => {
  it('finds the sample articles and the imported help-centre pages', () => {
    expect(articles.length).toBeGreaterThanOrEqual(40);
    expect(sitePages.length).toBeGreaterThanOrEqual(20);
  });

  it.each(allFiles.map((f) => [name(f), f]))('changes no byte of %s', (_, file) => {
    const body = bodyOf(file);
    const { markdown } = open(body);
    expect(markdown.toMarkdown()).toBe(body);
  });

  it('the editor writing a whole document changes most of them, so keeping the source matters', () => {
    const rewritten = allFiles.filter((file) => {
      const body = bodyOf(file);
      return open(body).editor.getMarkdown() !== body;
    });
    expect(rewritten.length).toBeGreaterThan(allFiles.length / 2);
  });
});

describe('an edit changes only what was edited', () => {
  const refund = bodyOf(path.join(articlesDir, 'refund-policy.md'));

  it('one table cell: only its row', () => {
    const { editor, markdown } = open(refund);
    type(editor, after(editor, '3–5 business days'), ', 7 for refunds over 500 USD');
    expect(changedLines(refund, markdown.toMarkdown())).toEqual([
      '| PayPal | 3–5 business days, 7 for refunds over 500 USD |',
    ]);
  });

  it('one list item with `>` in it: only that item, `**Account > Orders**` as written', () => {
    const { editor, markdown } = open(refund);
    type(editor, after(editor, 'look for '), 'the line ');
    expect(changedLines(refund, markdown.toMarkdown())).toEqual([
      '1. Check the refund date in the order: open **Account > Orders** and look for the line **Refund issued**.',
    ]);
  });

  it('one paragraph: only its line', () => {
    const { editor, markdown } = open(refund);
    type(editor, after(editor, 'needs some time to show it.'), ' Weekends are not business days.');
    const saved = markdown.toMarkdown();
    expect(changedLines(refund, saved)).toEqual([
      '*Issued* means the money has left us. Your bank or wallet then needs some time to show it. Weekends are not business days.',
    ]);
    expect(saved).toContain('open **Account > Orders** and');
  });

  it('a cell, an item and a paragraph together: those three lines', () => {
    const { editor, markdown } = open(refund);
    type(editor, after(editor, 'Gift card refunds are added to the card even if the card has expired'), ' (really)');
    type(editor, after(editor, 'PayPal'), ' and PayPal Credit');
    type(editor, after(editor, 'for the returned items'), ' in total');
    expect(changedLines(refund, markdown.toMarkdown())).toEqual([
      '| PayPal and PayPal Credit | 3–5 business days |',
      expect.stringContaining('Gift card refunds are added to the card even if the card has expired (really);'),
      expect.stringMatching(/^- \*\*The price you paid\*\* for the returned items in total, after any discount/),
    ]);
  });

  it('keeps `>`, `<`, `&`, `*`, `|`, `\\`, code and CJK punctuation of an edited paragraph as written', () => {
    const source = [
      'Open **Account > Orders** & pick `<placeholder>` or <kbd>Ctrl</kbd>; 2 * 3 is 6, a | b, C:\\Temp, snake_case.',
      '',
      '请在「设置 → 安全」中修改：**密码**（至少 12 位）。',
      '',
      '> [!NOTE]',
      '> Refunds go back to the card.',
      '',
      'Footnote reference[^1] and ~5 days.',
      '',
      '[^1]: The bank decides.',
      '',
    ].join('\n');
    const { editor, markdown } = open(source);
    type(editor, after(editor, 'snake_case.'), ' Done.');
    type(editor, after(editor, '（至少 12 位）。'), '谢谢。');
    type(editor, after(editor, 'Refunds go back to the card.'), ' Always.');
    type(editor, after(editor, '~5 days.'), ' Or less.');
    expect(markdown.toMarkdown()).toBe(
      source
        .replace('snake_case.', 'snake_case. Done.')
        .replace('（至少 12 位）。', '（至少 12 位）。谢谢。')
        .replace('the card.', 'the card. Always.')
        .replace('~5 days.', '~5 days. Or less.'),
    );
  });

  it('keeps the unchanged rows of a padded table and pads the edited one the same way', () => {
    const source =
      '| Payment method | Time to arrive |\n| -------------- | -------------- |\n| Card           | 5–10 days      |\n| PayPal         | 1–2 days       |\n';
    const { editor, markdown } = open(source);
    type(editor, after(editor, '1–2'), '+');
    expect(markdown.toMarkdown()).toBe(source.replace('| 1–2 days       |', '| 1–2+ days      |'));
  });

  it('adds a new paragraph as one new block between the old ones', () => {
    const { editor, markdown } = open(refund);
    const end = after(editor, 'needs some time to show it.');
    editor.chain().setTextSelection(end).splitBlock().insertContent({ type: 'text', text: 'A new paragraph.' }).run();
    expect(markdown.toMarkdown()).toBe(
      refund.replace('needs some time to show it.\n', 'needs some time to show it.\n\nA new paragraph.\n'),
    );
  });

  it('deletes a block with the blank line after it', () => {
    const { editor, markdown } = open(refund);
    const from = after(editor, 'Large refunds') - 'Large refunds'.length - 1;
    editor.commands.deleteRange({ from, to: from + 'Large refunds'.length + 2 });
    expect(markdown.toMarkdown()).toBe(refund.replace('## Large refunds\n\n', ''));
  });
});

describe('line endings and the writer', () => {
  it('keeps CRLF line endings, also around an edit', () => {
    const source = '# Title\r\n\r\nFirst line.\r\n\r\n| A | B |\r\n| --- | --- |\r\n| 1 | 2 |\r\n';
    const { editor, markdown } = open(source);
    expect(markdown.toMarkdown()).toBe(source);
    type(editor, after(editor, 'First line.'), ' More.');
    expect(markdown.toMarkdown()).toBe(source.replace('First line.', 'First line. More.'));
  });

  it('writes >, < and & as they are, not as HTML entities', () => {
    const { editor } = open('Open **Account > Orders** & pick `<placeholder>`, 1 < 2.');
    expect(editor.getMarkdown()).toBe('Open **Account > Orders** & pick `<placeholder>`, 1 < 2.');
  });

  it('a new paragraph that would read as a quote or a list is escaped, once', () => {
    const { editor, markdown } = open('Intro.\n');
    editor.chain().setTextSelection(7).splitBlock().insertContent({ type: 'text', text: '> not a quote' }).run();
    editor.chain().splitBlock().insertContent({ type: 'text', text: '- not a list, a & b' }).run();
    expect(markdown.toMarkdown()).toBe('Intro.\n\n\\> not a quote\n\n\\- not a list, a & b\n');
  });
});

describe('every page, edited', () => {
  /** Ends of the text blocks (paragraphs, headings, cells, items) where typing goes. */
  const blockEnds = (editor: Editor) => {
    const ends: number[] = [];
    editor.state.doc.descendants((node, pos) => {
      if (node.isTextblock && node.type.name !== 'codeBlock' && node.content.size > 0)
        ends.push(pos + node.nodeSize - 1);
    });
    return ends;
  };

  // Typing at the end of the first, a middle and the last text block of each page, one at a time:
  // that line changes by what was typed, no other line changes.
  it.each(allFiles.map((f) => [name(f), f]))('%s: each edit stays on its line', (_, file) => {
    const body = bodyOf(file);
    const ends = blockEnds(open(body).editor);
    const picks = [...new Set([0, Math.floor(ends.length / 2), ends.length - 1])].filter(
      (i) => i >= 0 && i < ends.length,
    );
    for (const pick of picks) {
      const { editor, markdown } = open(body);
      type(editor, blockEnds(editor)[pick]!, ' Edited.');
      const before = body.split('\n');
      const saved = markdown.toMarkdown().split('\n');
      expect(saved).toHaveLength(before.length);
      const changed = saved.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
      expect(changed).toHaveLength(1);
      expect(changed[0]![1]!.replace(' Edited.', '')).toBe(changed[0]![0]);
    }
  });
});
