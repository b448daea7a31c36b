import { marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

export type BlockContainer = 'table' | 'ul' | 'ol';

export interface MarkdownBlock {
  /** What a block is matched by across versions: its type and its whitespace-normalised Markdown. */
  key: string;
  type: string;
  /** Sanitised HTML: a table row's cells, a list item's content, or the whole block. */
  html: string;
  /** Table rows and list items are shown inside this element. */
  container?: BlockContainer;
  /** A table's header row. */
  header?: boolean;
  /** The number of an ordered list item. */
  start?: number;
}

const allowedTags = [...sanitizeHtml.defaults.allowedTags, 'img', 'ins', 'del', 's'];

/** Keep what Markdown can express and drop scripts, handlers and dangerous URLs. */
export function sanitizeBlockHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
  }).trim();
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ');

function tableRow(cells: Tokens.TableCell[], header: boolean): MarkdownBlock {
  const tag = header ? 'th' : 'td';
  const html = cells
    .map((cell) => {
      const align = cell.align ? ` align="${cell.align}"` : '';
      return `<${tag}${align}>${marked.Parser.parseInline(cell.tokens)}</${tag}>`;
    })
    .join('');
  return {
    key: `${tag}:${cells.map((c) => normalise(c.text)).join(' | ')}`,
    type: tag,
    html: sanitizeBlockHtml(html),
    container: 'table',
    header,
  };
}

/** Split Markdown into the blocks a reader sees: headings, paragraphs, list items, table rows. */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  for (const token of marked.lexer(markdown) as Token[]) {
    if (token.type === 'space' || token.type === 'def') continue;
    if (token.type === 'list') {
      const list = token as Tokens.List;
      const first = typeof list.start === 'number' ? list.start : 1;
      list.items.forEach((item, i) =>
        blocks.push({
          key: `li:${normalise(item.raw.replace(/^\s*([-*+]|\d+[.)])\s+/, ''))}`,
          type: 'li',
          html: sanitizeBlockHtml(marked.parser(item.tokens)),
          container: list.ordered ? 'ol' : 'ul',
          start: list.ordered ? first + i : undefined,
        }),
      );
    } else if (token.type === 'table') {
      const table = token as Tokens.Table;
      blocks.push(tableRow(table.header, true), ...table.rows.map((row) => tableRow(row, false)));
    } else {
      blocks.push({
        key: `${token.type}:${normalise(token.raw)}`,
        type: token.type === 'heading' ? `h${(token as Tokens.Heading).depth}` : token.type,
        html: sanitizeBlockHtml(marked.parser([token])),
      });
    }
  }
  return blocks;
}
