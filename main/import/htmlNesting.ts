/**
 * Deepest HTML element nesting the importer converts. The HTML-to-Markdown converter walks the
 * document recursively and runs out of stack at a few thousand levels; browsers stop nesting at
 * 512 and real help pages stay well under 100.
 */
export const maxHtmlNesting = 256;

const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'basefont',
  'bgsound',
  'frame',
  'keygen',
]);

/** Elements whose end tag may be left out: the next sibling closes them, so they do not nest by themselves. */
const optionalEnd = new Set([
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rtc',
  'rp',
]);

/** Elements whose content is text up to their end tag, never markup. */
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

const tagName = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/y;

/** Index of the `>` that ends the tag whose attributes start at `from`, skipping quoted values; -1 when none. */
function tagEnd(html: string, from: number): number {
  let i = from;
  while (i < html.length) {
    const c = html[i];
    if (c === '>') return i;
    if (c === '=') {
      i++;
      while (html[i] === ' ' || html[i] === '\t' || html[i] === '\n' || html[i] === '\r') i++;
      const q = html[i];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, i + 1);
        // An unclosed quote: the tag ends at the next ">" as far as nesting goes.
        if (close === -1) return html.indexOf('>', i);
        i = close + 1;
        continue;
      }
      continue;
    }
    i++;
  }
  return -1;
}

/**
 * How deeply elements nest in an HTML text, in one pass and without recursion, so a hostile page
 * costs no more than its length. Void elements and elements whose end tag is optional do not count;
 * comments, doctypes and the text of script, style and similar elements are skipped.
 */
export function htmlNesting(html: string): number {
  const lower = html.toLowerCase();
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  let max = 0;
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const end = html.indexOf('>', i);
      if (end === -1) break;
      i = end + 1;
      continue;
    }
    tagName.lastIndex = i;
    const m = tagName.exec(html);
    if (!m) {
      i++;
      continue;
    }
    const end = tagEnd(html, i + m[0].length);
    if (end === -1) break;
    const name = m[2]!.toLowerCase();
    i = end + 1;
    if (m[1]) {
      // An end tag closes the innermost open element of its name and those inside it; a stray one is ignored.
      if (!openCount.get(name)) continue;
      for (;;) {
        const top = stack.pop()!;
        openCount.set(top, openCount.get(top)! - 1);
        if (top === name) break;
      }
      continue;
    }
    if (rawText.has(name)) {
      const close = lower.indexOf(`</${name}`, i);
      if (close === -1) break;
      i = close;
      continue;
    }
    if (voidElements.has(name) || optionalEnd.has(name)) continue;
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (stack.length > max) max = stack.length;
  }
  return max;
}

/** HTML in a page nested deeper than `maxHtmlNesting`: the page is reported, not imported. */
export class HtmlNestingError extends Error {}

/** Why an HTML text is refused, or undefined when it nests no deeper than the limit. */
export function htmlNestingProblem(html: string, limit = maxHtmlNesting): string | undefined {
  const depth = htmlNesting(html);
  if (depth <= limit) return undefined;
  return `HTML nested ${depth.toLocaleString('en')} levels deep (elements inside each other); the limit is ${limit}`;
}
