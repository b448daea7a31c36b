import StarterKit from '@tiptap/starter-kit';
import type { JSONContent, MarkdownRendererHelpers } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow, renderTableToMarkdown } from '@tiptap/extension-table';
import { Markdown } from '@tiptap/markdown';
import { PassageHighlight } from './extensions/passageHighlight';
import { installMarkdownEscaping } from './markdownEscaping';
import { hasVisibleContent } from './preserveMarkdown';

/** Only web, mail and relative links: `javascript:` and `data:` URLs never become links. */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//');
}

/** The table the toolbar inserts: a header row and one row, two columns. */
export const tableSize = { rows: 2, cols: 2, withHeaderRow: true };

/** A table as Markdown with its blank body rows left out and no blank lines around it. */
export function tableToMarkdown(node: JSONContent, h: MarkdownRendererHelpers): string {
  const rows = node.content ?? [];
  const header = rows[0]?.content?.some((cell) => cell.type === 'tableHeader') ? rows.slice(0, 1) : [];
  const body = rows.slice(header.length).filter(hasVisibleContent);
  return renderTableToMarkdown({ ...node, content: [...header, ...body] }, h).trim();
}

/** Markdown in and out, writing `<`, `>` and `&` as they are (see markdownEscaping.ts). */
export const ArticleMarkdown = Markdown.extend({
  onBeforeCreate(event) {
    this.parent?.(event);
    if (this.editor.markdown) installMarkdownEscaping(this.editor.markdown);
  },
});

export const editorExtensions = [
  StarterKit.configure({
    link: {
      openOnClick: false,
      autolink: true,
      // No `protocols`: http, https and mailto are linkify's own, and each editor would re-register them
      // with the already initialized linkify (a console warning per article opened). isSafeUrl decides.
      isAllowedUri: (url) => isSafeUrl(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
    },
  }),
  Table.extend({ renderMarkdown: tableToMarkdown }).configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  ArticleMarkdown,
  PassageHighlight,
];
