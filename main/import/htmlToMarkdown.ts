import sanitizeHtml from 'sanitize-html';
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';

const allowedTags = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'code',
  'pre',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'del',
  's',
  'img',
  'div',
  'span',
];

/** Remove scripts, event handlers and dangerous URLs, keeping the structure Markdown can express. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
  });
}

const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
  emDelimiter: '*',
});
turndown.use(gfm);

export interface HtmlArticle {
  title?: string;
  markdown: string;
}

/** Convert an HTML page to sanitised Markdown; the title comes from <title> or the first <h1>. */
export function htmlToMarkdown(html: string): HtmlArticle {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const title = titleMatch
    ? sanitizeHtml(titleMatch[1]!, { allowedTags: [], allowedAttributes: {} }).trim()
    : undefined;
  const bodyMatch = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  const clean = sanitizeArticleHtml(bodyMatch ? bodyMatch[1]! : html);
  const markdown = turndown.turndown(clean).trim();
  return { title: title || undefined, markdown };
}
