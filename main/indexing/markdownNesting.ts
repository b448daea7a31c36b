/**
 * Deepest Markdown nesting Almanac parses: block quotes and list items inside each other. The
 * Markdown parser (`marked`) recurses once per level and runs out of stack somewhere past a
 * thousand levels; real help articles stay under ten. 100 is markdown-it's default limit too.
 */
export const maxMarkdownNesting = 100;

const listMarker = /(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)/y;
const fenceOpen = /(`{3,}|~{3,})/y;

/** Columns of spaces and tabs from `from` (a tab to the next multiple of 4), and how many characters. */
function gap(line: string, from: number, column: number): { width: number; chars: number } {
  let col = column;
  let i = from;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return { width: col - column, chars: i - from };
}

/**
 * Where a line's trailing thematic break (`- - -`, `***`, `___`) could start: the first index from
 * which the line holds only one of those characters and blanks, and that character.
 */
function breakTail(line: string): { from: number; char: string } | undefined {
  let i = line.length - 1;
  while (i >= 0 && (line[i] === ' ' || line[i] === '\t')) i--;
  const char = line[i];
  if (char !== '-' && char !== '*' && char !== '_') return undefined;
  while (i >= 0 && (line[i] === char || line[i] === ' ' || line[i] === '\t')) i--;
  return { from: i + 1, char };
}

function isBreakFrom(line: string, at: number, tail: { from: number; char: string } | undefined): boolean {
  if (!tail || at < tail.from) return false;
  let count = 0;
  for (let i = at; i < line.length && count < 3; i++) if (line[i] === tail.char) count++;
  return count >= 3;
}

/** A list item still open: how many `>` came before its marker on its line, and where its content starts. */
interface OpenItem {
  quotes: number;
  col: number;
  /** The largest `quotes` of this item and those it sits in. */
  maxQuotes: number;
}

/**
 * How deeply block quotes and list items nest in a Markdown text, in one pass over it and without
 * recursion, so a hostile file costs no more than its length. It errs on the side of counting:
 * every `>` and list marker that opens a line, plus the list items left open by earlier lines (a
 * line goes on inside an item unless it starts a new item, or follows a blank line, to the left of
 * the item's content); only fenced code is skipped.
 */
export function markdownNesting(markdown: string): number {
  let max = 0;
  const open: OpenItem[] = [];
  let fence: { char: string; length: number; base: number } | undefined;
  let blankBefore = true;
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    let line = markdown.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    start = end + 1;
    const lead = gap(line, 0, 0);
    const blank = lead.chars === line.length;
    let closeItems = false;
    if (fence) {
      // A fence ends at its closing line, or with the list item it was opened in.
      if (blank || lead.width >= fence.base) {
        const close = line.slice(lead.chars);
        if (
          lead.width - fence.base < 4 &&
          close.startsWith(fence.char.repeat(fence.length)) &&
          /^[`~]*[ \t]*$/.test(close)
        )
          fence = undefined;
        continue;
      }
      fence = undefined;
      closeItems = true;
    }
    if (blank) {
      blankBefore = true;
      continue;
    }
    let at = lead.chars;
    let col = lead.width;
    let quotes = 0;
    // Where the text starts after 0, 1, 2... of the line's leading `>`, as far as open items need it.
    const neededQuotes = open.length ? open.at(-1)!.maxQuotes : -1;
    const after = [col];
    const quote = (record: boolean) => {
      while (line[at] === '>') {
        quotes++;
        at++;
        col++;
        const g = gap(line, at, col);
        at += g.chars;
        col += g.width;
        if (record && quotes <= neededQuotes) after.push(col);
      }
    };
    quote(true);
    const tail = breakTail(line);
    listMarker.lastIndex = at;
    const startsItem = listMarker.test(line) && !isBreakFrom(line, at, tail);
    if (startsItem || blankBefore || closeItems) {
      while (open.length) {
        const top = open.at(-1)!;
        if (top.quotes <= quotes && after[top.quotes]! >= top.col) break;
        open.pop();
      }
    }
    let depth = open.length + quotes;
    for (;;) {
      listMarker.lastIndex = at;
      const marker = listMarker.exec(line);
      if (!marker || isBreakFrom(line, at, tail)) break;
      depth++;
      at += marker[0].length;
      col += marker[0].length;
      const g = gap(line, at, col);
      const below = open.length ? open.at(-1)!.maxQuotes : 0;
      open.push({
        quotes,
        col: col + (g.width >= 1 && g.width <= 4 ? g.width : 1),
        maxQuotes: Math.max(below, quotes),
      });
      at += g.chars;
      col += g.width;
      const before = quotes;
      quote(false);
      depth += quotes - before;
    }
    if (depth > max) max = depth;
    blankBefore = false;
    const inner = open.at(-1);
    const base = inner && inner.quotes === 0 ? inner.col : 0;
    fenceOpen.lastIndex = at;
    const opener = quotes === 0 && col - base < 4 ? fenceOpen.exec(line) : null;
    // A backtick fence's info string has no backticks: "```x```" is inline code, not a fence.
    if (opener && !(opener[1]![0] === '`' && line.includes('`', at + opener[1]!.length)))
      fence = { char: opener[1]![0]!, length: opener[1]!.length, base };
  }
  return max;
}

/** Why a Markdown text is refused, or undefined when it nests no deeper than the limit. */
export function markdownNestingProblem(markdown: string, limit = maxMarkdownNesting): string | undefined {
  const depth = markdownNesting(markdown);
  if (depth <= limit) return undefined;
  return `Markdown nested ${depth.toLocaleString('en')} levels deep (block quotes or lists inside each other); the limit is ${limit}`;
}
