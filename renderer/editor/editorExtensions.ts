import StarterKit from '@tiptap/starter-kit';
import type { JSONContent, MarkdownRendererHelpers } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow, renderTableToMarkdown } from '@tiptap/extension-table';
import { Markdown } from '@tiptap/markdown';
import { PassageHighlight } from './extensions/passageHighlight';

/** Only web, mail and relative links: `javascript:` and `data:` URLs never become links. */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//');
}

/** The table the toolbar inserts: a header row and one row, two columns. */
export const tableSize = { rows: 2, cols: 2, withHeaderRow: true };

const layoutNodes = new Set(['tableRow', 'tableHeader', 'tableCell', 'paragraph', 'hardBreak']);
const hasContent = (node: JSONContent): boolean =>
  node.type === 'text'
    ? !!node.text?.trim()
    : !layoutNodes.has(node.type ?? '') || (node.content ?? []).some(hasContent);

/** A table as Markdown with its blank body rows left out and no blank lines around it. */
export function tableToMarkdown(node: JSONContent, h: MarkdownRendererHelpers): string {
  const rows = node.content ?? [];
  const header = rows[0]?.content?.some((cell) => cell.type === 'tableHeader') ? rows.slice(0, 1) : [];
  const body = rows.slice(header.length).filter(hasContent);
  return renderTableToMarkdown({ ...node, content: [...header, ...body] }, h).trim();
}

export const editorExtensions = [
  StarterKit.configure({
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ['http', 'https', 'mailto'],
      isAllowedUri: (url) => isSafeUrl(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
    },
  }),
  Table.extend({ renderMarkdown: tableToMarkdown }).configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  Markdown,
  PassageHighlight,
];
