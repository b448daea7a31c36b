/** A half-open character range [start, end) of Markdown that is code. */
export type Range = [number, number];

const fenceOpen = /^((?:[ \t]*>)*)[ \t]*(`{3,}|~{3,})(.*)$/;

/** Where a line opens a fence: its quote depth, fence marker and info string. */
export function parseFence(line: string): { depth: number; marker: string; info: string } | undefined {
  const m = fenceOpen.exec(line);
  if (!m || (m[2]![0] === '`' && m[3]!.includes('`'))) return undefined;
  return { depth: (m[1]!.match(/>/g) ?? []).length, marker: m[2]!, info: m[3]! };
}

function closesFence(line: string, open: { depth: number; marker: string }): boolean {
  const m = fenceOpen.exec(line);
  return Boolean(m && m[2]![0] === open.marker[0] && m[2]!.length >= open.marker.length && !m[3]!.trim());
}

function quoteDepth(line: string): number {
  return (/^(?:[ \t]*>)*/.exec(line)![0].match(/>/g) ?? []).length;
}

/** Per line, its part in a fenced code block: the opening fence, the code or closing fence, or none. */
export function fenceRoles(lines: string[]): ('open' | 'code' | undefined)[] {
  const roles: ('open' | 'code' | undefined)[] = [];
  let open: { depth: number; marker: string } | undefined;
  for (const line of lines) {
    if (open && open.depth > 0 && line.trim() && quoteDepth(line) < open.depth) open = undefined;
    if (open) {
      roles.push('code');
      if (closesFence(line, open)) open = undefined;
      continue;
    }
    open = parseFence(line);
    roles.push(open ? 'open' : undefined);
  }
  return roles;
}

/** Per line, whether it belongs to a fenced code block (fence lines included). */
export function fencedLines(lines: string[]): boolean[] {
  return fenceRoles(lines).map(Boolean);
}

/** Character ranges of fenced code blocks and inline code spans; template syntax inside them is content. */
export function codeRanges(text: string): Range[] {
  const ranges: Range[] = [];
  const lines = text.split('\n');
  const code = fencedLines(lines);
  let offset = 0;
  let prose = '';
  let proseStart = 0;
  const flushProse = (): void => {
    for (const span of inlineCode(prose)) ranges.push([proseStart + span[0], proseStart + span[1]]);
    prose = '';
  };
  lines.forEach((line, i) => {
    const end = offset + line.length + 1;
    if (code[i]) {
      flushProse();
      ranges.push([offset, end]);
    } else if (!line.trim()) {
      flushProse();
    } else {
      if (!prose) proseStart = offset;
      prose += `${line}\n`;
    }
    offset = end;
  });
  flushProse();
  return ranges.sort((a, b) => a[0] - b[0]);
}

function inlineCode(paragraph: string): Range[] {
  const spans: Range[] = [];
  const ticks = /(?<!\\)`+/g;
  let m: RegExpExecArray | null;
  while ((m = ticks.exec(paragraph))) {
    const run = m[0];
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = m.index + run.length;
    const c = close.exec(paragraph);
    if (!c) continue;
    spans.push([m.index, c.index + run.length]);
    ticks.lastIndex = c.index + run.length;
  }
  return spans;
}

/** Index of the first range that ends after `at` (ranges are sorted and do not overlap). */
function firstEndingAfter(ranges: Range[], at: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when [start, end) overlaps a range; with end omitted, when `start` lies inside one. */
export function touchesRanges(ranges: Range[], start: number, end = start + 1): boolean {
  const r = ranges[firstEndingAfter(ranges, start)];
  return r !== undefined && r[0] < end;
}

/** Character ranges of fenced code blocks only. */
function fencedRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let offset = 0;
  const lines = text.split('\n');
  fencedLines(lines).forEach((fenced, i) => {
    const end = offset + lines[i]!.length + 1;
    if (fenced) ranges.push([offset, end]);
    offset = end;
  });
  return ranges;
}

/**
 * Replace matches of `pattern` (global) that start outside code. With `whole`, a match that reaches
 * into code is left alone too, so a single-line pattern never eats a code span; with `'fences'`, only
 * a fenced block stops it: a template tag's parameters hold backticks (`caption="the \`x\` key"`)
 * that the generator reads before Markdown, so they are not code.
 */
export function replaceInProse(
  text: string,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string,
  whole: boolean | 'fences' = false,
): string {
  let ranges: Range[] | undefined;
  let fences: Range[] | undefined;
  let out = '';
  let last = 0;
  // A fresh copy, because replacers recurse into the same patterns
  const re = new RegExp(pattern.source, pattern.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    const end = m.index + m[0].length;
    const touchesCode =
      whole === 'fences'
        ? touchesRanges((ranges ??= codeRanges(text)), m.index) ||
          touchesRanges((fences ??= fencedRanges(text)), m.index, end)
        : touchesRanges((ranges ??= codeRanges(text)), m.index, whole ? end : m.index + 1);
    if (touchesCode) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out += text.slice(last, m.index) + replace(m);
    last = end;
  }
  return out + text.slice(last);
}
