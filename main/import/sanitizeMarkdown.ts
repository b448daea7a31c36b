import { marked, type Token, type Tokens } from 'marked';
import { HtmlNestingError, htmlNestingProblem } from './htmlNesting.js';
import { htmlFragmentToMarkdown } from './htmlToMarkdown.js';

const safeUrl = /^(https?:|mailto:|#|\/|\.{0,2}\/|[^:/?#]+(?:[/?#]|$))/i;

/** True when a URL is http(s), mailto, an anchor or a relative path: never javascript:, data: or vbscript:. */
export function isSafeUrl(url: string): boolean {
  const decoded = url.replace(/&#x([0-9a-f]+);?|&#(\d+);?/gi, (_, hex: string, dec: string) =>
    String.fromCodePoint(Math.min(0x10ffff, parseInt(hex ?? dec, hex ? 16 : 10))),
  );
  const trimmed = decoded.trim().replace(/[\p{Cc}\s]+/gu, '');
  return trimmed === '' || safeUrl.test(trimmed);
}

const inlineImage = /^data:image\/(png|jpe?g|gif|webp);base64,/i;

function isUnsafe(token: Token): boolean {
  if (token.type === 'html') return true;
  if (token.type === 'link' || token.type === 'image') {
    const href = (token as Tokens.Link | Tokens.Image).href;
    if (!isSafeUrl(href) && !(token.type === 'image' && inlineImage.test(href))) return true;
  }
  const children: Token[] = [];
  if ('tokens' in token && Array.isArray(token.tokens)) children.push(...(token.tokens as Token[]));
  if (token.type === 'list') for (const item of (token as Tokens.List).items) children.push(item);
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const cell of [...table.header, ...table.rows.flat()]) children.push(...cell.tokens);
  }
  return children.some(isUnsafe);
}

/**
 * Make Markdown safe to store: every block that holds raw HTML or a link with an unsafe scheme
 * goes through the same sanitiser as HTML import (no scripts, event handlers, iframes or
 * javascript: URLs) and back to Markdown. Other blocks, code included, are left byte for byte.
 * Throws `HtmlNestingError` for a block whose HTML nests deeper than `maxHtmlNesting`.
 */
export function sanitizeMarkdown(markdown: string): { markdown: string; changed: number } {
  const tokens = marked.lexer(markdown);
  let changed = 0;
  let out = '';
  for (const token of tokens) {
    if (token.type === 'code' || !isUnsafe(token)) {
      out += token.raw;
      continue;
    }
    changed++;
    const nested = htmlNestingProblem(token.raw);
    if (nested) throw new HtmlNestingError(nested);
    const html = marked.parse(token.raw, { async: false });
    const clean = htmlFragmentToMarkdown(html);
    const trailing = /\n*$/.exec(token.raw)![0];
    out += clean ? `${clean}${trailing || '\n'}` : trailing;
  }
  return { markdown: out, changed };
}
