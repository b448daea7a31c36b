import sanitizeHtml from 'sanitize-html';
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { plainTitle } from './plainTitle.js';

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
  'kbd',
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
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'template'],
  });
}

const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
  emDelimiter: '*',
});
turndown.use(gfm);
// Text that looks like HTML (e.g. an escaped "&lt;img onerror&gt;") must stay text in Markdown.
const escapeText = turndown.escape.bind(turndown);
turndown.escape = (text: string) => escapeText(text).replace(/</g, '\\<').replace(/>/g, '\\>');

/** Sanitise an HTML fragment and turn it into Markdown. */
export function htmlFragmentToMarkdown(html: string): string {
  return turndown.turndown(sanitizeArticleHtml(html)).trim();
}

export interface HtmlArticle {
  title?: string;
  markdown: string;
}

/** Convert an HTML page to sanitised Markdown; the title comes from <title> or the first <h1>. */
export function htmlToMarkdown(html: string): HtmlArticle {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const title = titleMatch ? plainTitle(titleMatch[1]!) : undefined;
  const bodyMatch = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  const markdown = htmlFragmentToMarkdown(bodyMatch ? bodyMatch[1]! : html);
  return { title: title || undefined, markdown };
}
