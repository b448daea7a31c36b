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

function isUnsafeLink(token: Token): token is Tokens.Link | Tokens.Image {
  if (token.type !== 'link' && token.type !== 'image') return false;
  const href = (token as Tokens.Link | Tokens.Image).href;
  return !isSafeUrl(href) && !(token.type === 'image' && inlineImage.test(href));
}

/** The token and every token inside it (inline tokens, list items, table cells). */
function* walk(token: Token): Generator<Token> {
  yield token;
  const children: Token[] = [];
  if ('tokens' in token && Array.isArray(token.tokens)) children.push(...(token.tokens as Token[]));
  if (token.type === 'list') for (const item of (token as Tokens.List).items) children.push(item);
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const cell of [...table.header, ...table.rows.flat()]) children.push(...cell.tokens);
  }
  for (const child of children) yield* walk(child);
}

const isUnsafe = (token: Token): boolean => [...walk(token)].some((t) => t.type === 'html' || isUnsafeLink(t));

/** What the sanitiser took out of a block of raw HTML, for the import report. */
function htmlRemovals(raw: string): string[] {
  const found = new Set<string>();
  for (const m of raw.matchAll(/<(\w+)[^>]*?\s(on\w+)\s*=/gi))
    found.add(`removed an event handler (${m[2]!.toLowerCase()}) from <${m[1]!.toLowerCase()}>`);
  for (const m of raw.matchAll(/<(script|iframe|style|object|embed|form)\b/gi))
    found.add(`removed <${m[1]!.toLowerCase()}>`);
  if (/(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data:text)|\]\(\s*(?:javascript|vbscript):/i.test(raw))
    found.add('removed a script link');
  return [...found];
}

/**
 * A link whose URL is a script (`[Contact us](javascript:…)`) becomes its text, and such an image
 * goes (its alt text stays), right in the Markdown: the rest of the block is kept byte for byte.
 */
function withoutUnsafeLinks(raw: string, token: Token, notes: string[]): string {
  let out = raw;
  for (const t of walk(token)) {
    if (!isUnsafeLink(t) || !out.includes(t.raw)) continue;
    out = out.replace(t.raw, () => t.text);
    notes.push(`removed a ${t.href.split(':')[0]!.trim().toLowerCase()}: ${t.type} from "${t.text.slice(0, 40)}"`);
  }
  return out;
}

// After the HTML round trip: a script link the HTML carried as text ("[x](javascript:…)" inside a
// <div>) reads as its text, not as escaped link syntax.
const escapedScriptLink = /\\\[([^\]\n]*)\\\]\(\s*(?:javascript|vbscript|data):(?:[^()\n]|\([^()\n]*\))*\)/gi;

// A Markdown link the HTML carried as text (kramdown and MkDocs read Markdown inside HTML blocks):
// it was a link on the site, so it is one here.
const escapedLink = /\\\[([^\]\n]*)\\\]\(([^()\s]+)\)/g;
// An alert marker inside a list item's quote that the round trip ran into its text.
const escapedAlert = /^([ \t]*(?:>[ \t]?)+)\\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\\][ \t]*(.*)$/gim;

/** A GitHub alert's first line (`> [!TIP]`), which the HTML round trip would turn into text. */
const alertLine = /^( {0,3}>[ \t]?)\[!(\w+)\][ \t]*\n/;

function quoteInner(raw: string): string {
  return raw.replace(/^ {0,3}>[ \t]?/gm, '');
}

function sanitizeBlock(token: Token, notes: string[]): string {
  const raw = withoutUnsafeLinks(token.raw, token, notes);
  const tokens = marked.lexer(raw);
  if (!tokens.some(isUnsafe)) return raw;
  // A quote (an alert above all) keeps its shape: only what is inside it goes through the sanitiser.
  if (token.type === 'blockquote') {
    const alert = alertLine.exec(raw);
    const inner = sanitizeMarkdown(quoteInner(alert ? raw.slice(alert[0].length) : raw));
    notes.push(...inner.notes);
    const quoted = inner.markdown.replace(/\n+$/, '').replace(/^/gm, '> ').replace(/^> $/gm, '>');
    const trailing = /\n*$/.exec(raw)![0];
    return `${alert ? `> [!${alert[2]}]\n` : ''}${quoted}${trailing || '\n'}`;
  }
  notes.push(...htmlRemovals(raw));
  const nested = htmlNestingProblem(raw);
  if (nested) throw new HtmlNestingError(nested);
  const html = marked.parse(raw, { async: false });
  const clean = htmlFragmentToMarkdown(html)
    .replace(escapedScriptLink, '$1')
    .replace(escapedLink, (all, text: string, url: string) => (isSafeUrl(url) ? `[${text}](${url})` : text))
    .replace(escapedAlert, (_, prefix: string, kind: string, rest: string) =>
      rest ? `${prefix}[!${kind}]\n${prefix}${rest}` : `${prefix}[!${kind}]`,
    );
  const trailing = /\n*$/.exec(raw)![0];
  return clean ? `${clean}${trailing || '\n'}` : trailing;
}

/**
 * Make Markdown safe to store. A link or image whose URL is a script becomes its text, in place;
 * every block that still holds raw HTML goes through the same sanitiser as HTML import (no scripts,
 * event handlers, iframes or javascript: URLs) and back to Markdown, a quote keeping its `>` and
 * alert marker. Other blocks, code included, are left byte for byte. `notes` says what was removed.
 * Throws `HtmlNestingError` for a block whose HTML nests deeper than `maxHtmlNesting`.
 */
export function sanitizeMarkdown(markdown: string): { markdown: string; changed: number; notes: string[] } {
  const tokens = marked.lexer(markdown);
  let changed = 0;
  const notes: string[] = [];
  let out = '';
  for (const token of tokens) {
    if (token.type === 'code' || !isUnsafe(token)) {
      out += token.raw;
      continue;
    }
    changed++;
    out += sanitizeBlock(token, notes);
  }
  return { markdown: out, changed, notes: [...new Set(notes)] };
}
