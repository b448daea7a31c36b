import type { JSONContent } from '@tiptap/core';
import { diffArrays, diffChars } from 'diff';
import type { Escaping } from './markdownEscaping';

/**
 * Lossless saving: the editor's Markdown writer is not the inverse of its reader (tables are
 * re-padded, `*` becomes `_`, HTML and shortcodes are rewritten), so writing the whole document on
 * every keystroke changed text nobody touched. Instead, each top-level block of the document keeps
 * the source text it was read from until it is edited: only edited blocks are written anew, and in
 * an edited table or list only the edited rows or items.
 *
 * The module is pure: the editor's reader and writer come in as a {@link MarkdownCodec}.
 */
export interface MarkdownCodec {
  /** Top-level tokens of `markdown` as the editor's lexer splits it; their `raw` texts add up to it. */
  lex(markdown: string): { type: string; raw: string }[];
  /** The top-level nodes the editor makes of `markdown`, as its document holds them (`toJSON`). */
  parse(markdown: string): JSONContent[];
  /** `nodes[index]`, a top-level block, as Markdown. */
  render(nodes: JSONContent[], index: number, escaping: Escaping): string;
}

/** A run of source text and the top-level nodes read from it. */
interface Group {
  start: number;
  end: number;
  nodeStart: number;
  nodeEnd: number;
}

/** How many adjacent source blocks may be read together to explain the nodes they make. */
const maxMerge = 8;

const keyOf = (node: JSONContent) => JSON.stringify(node);
const isEmptyParagraph = (node: JSONContent | undefined) => node?.type === 'paragraph' && !node.content?.length;

const layoutNodes = new Set(['tableRow', 'tableHeader', 'tableCell', 'paragraph', 'hardBreak']);
/** Does a node show anything? A table row of empty cells does not. */
export const hasVisibleContent = (node: JSONContent): boolean =>
  node.type === 'text'
    ? !!node.text?.trim()
    : !layoutNodes.has(node.type ?? '') || (node.content ?? []).some(hasVisibleContent);

export class PreservedMarkdown {
  private readonly text: string;
  private readonly crlf: boolean;
  private readonly baseKeys: string[];
  private readonly groups: Group[];
  /** Link definitions of the source, added when a block is read alone so its links resolve. */
  private suffix = '\n';

  /**
   * @param base the Markdown the editor was loaded with
   * @param baseNodes the editor's top-level nodes right after loading it
   */
  constructor(
    private readonly base: string,
    private readonly baseNodes: JSONContent[],
    private readonly codec: MarkdownCodec,
  ) {
    this.crlf = base.includes('\r\n') && !/(^|[^\r])\n/.test(base);
    this.text = base.replace(/\r\n/g, '\n');
    this.baseKeys = baseNodes.map(keyOf);
    this.groups = this.split();
  }

  /** How many runs of source text were matched to nodes (for tests and diagnostics). */
  get groupCount(): number {
    return this.groups.filter((g) => g.end > g.start).length;
  }

  /** Markdown for the editor's top-level nodes: source text wherever they are unchanged. */
  toMarkdown(nodes: JSONContent[]): string {
    const keys = nodes.map(keyOf);
    if (keys.length === this.baseKeys.length && keys.every((k, i) => k === this.baseKeys[i])) return this.base;
    const { groups, text } = this;
    const { kept: fromBase, replaced } = pairItems(this.baseKeys, keys);
    const toCur = new Array<number>(this.baseKeys.length).fill(-1);
    fromBase.forEach((b, c) => {
      if (b >= 0) toCur[b] = c;
    });
    const groupOf = new Array<number>(this.baseKeys.length).fill(-1);
    groups.forEach((g, gi) => {
      for (let n = g.nodeStart; n < g.nodeEnd; n++) groupOf[n] = gi;
    });

    // A new node takes the place of the removed node at its spot, or joins an edited group next to
    // it, or stands alone after the group before it.
    const dirty = groups.map((g) => {
      for (let n = g.nodeStart; n < g.nodeEnd; n++) if (toCur[n]! < 0) return true;
      return false;
    });
    const extra = groups.map(() => [] as number[]);
    const after = new Map<number, number[]>();
    const all = this.baseKeys.length;
    let lastBase = -1;
    fromBase.forEach((b, c) => {
      if (b >= 0) {
        lastBase = b;
        return;
      }
      let into = -1;
      let prev = lastBase >= 0 ? groupOf[lastBase]! : -1;
      if (replaced[c]! >= 0) {
        lastBase = replaced[c]!;
        into = prev = groupOf[lastBase]!;
      } else {
        let nextKept = lastBase + 1;
        while (nextKept < all && toCur[nextKept]! < 0) nextKept++;
        const next = nextKept < all ? groupOf[nextKept]! : -1;
        if (prev >= 0 && (prev === next || dirty[prev])) into = prev;
        else if (next >= 0 && dirty[next]) into = next;
      }
      if (into >= 0) {
        dirty[into] = true;
        extra[into]!.push(c);
      } else after.set(prev, [...(after.get(prev) ?? []), c]);
    });

    const items: { text: string; gap: string }[] = [];
    const emit = (pieces: string[], gap: string) =>
      pieces
        .filter(Boolean)
        .forEach((piece, k, all) => items.push({ text: piece, gap: k === all.length - 1 ? gap : '\n\n' }));
    const standalone = (gi: number) => (after.get(gi) ?? []).map((c) => this.renderBlock(nodes, c));
    emit(standalone(-1), '\n\n');
    groups.forEach((g, gi) => {
      const gap = text.slice(g.end, groups[gi + 1]?.start ?? text.length);
      let piece = text.slice(g.start, g.end);
      if (dirty[gi]) {
        const cur: number[] = [...extra[gi]!];
        for (let n = g.nodeStart; n < g.nodeEnd; n++) if (toCur[n]! >= 0) cur.push(toCur[n]!);
        piece = this.replace(
          g,
          cur.sort((x, y) => x - y),
          nodes,
        );
      }
      // Blocks need a line between them; the empty paragraphs of a blank-line run have no text.
      emit([piece, ...standalone(gi)], gap.includes('\n') ? gap : '\n\n');
    });
    const leading = groups.length ? text.slice(0, groups[0]!.start) : '';
    const trailing = groups.length ? text.slice(groups[groups.length - 1]!.end) : text;
    const out = leading + items.map((it, i) => it.text + (i < items.length - 1 ? it.gap : '')).join('') + trailing;
    return this.crlf ? out.replace(/\n/g, '\r\n') : out;
  }

  /** Split the source into groups of blocks, each group the source of the nodes it makes. */
  private split(): Group[] {
    const { text } = this;
    const all = this.baseKeys.length;
    let tokens: { type: string; raw: string }[];
    try {
      tokens = this.codec.lex(text);
    } catch {
      tokens = [];
    }
    const blocks: { start: number; end: number }[] = [];
    const defs: string[] = [];
    let pos = 0;
    for (const token of tokens) {
      if (!text.startsWith(token.raw, pos)) return this.whole();
      const start = pos;
      pos += token.raw.length;
      if (token.type === 'space') continue;
      if (token.type === 'def') defs.push(token.raw);
      const trimmed = token.raw.replace(/\s+$/, '').length;
      if (trimmed > 0) blocks.push({ start, end: start + trimmed });
    }
    if (pos !== text.length) return this.whole();
    if (defs.length) this.suffix = `\n\n${defs.join('')}`;

    const groups: Group[] = [];
    let n = 0;
    let i = 0;
    while (i < blocks.length) {
      let matched: { to: number; at: number; count: number } | undefined;
      for (let j = i + 1; j <= Math.min(blocks.length, i + maxMerge) && !matched; j++) {
        const keys = this.parseKeys(text.slice(blocks[i]!.start, blocks[j - 1]!.end));
        if (!keys) continue;
        // Blank-line runs make empty paragraphs that no block accounts for: skip them.
        for (let at = n; at <= all - keys.length; at++) {
          if (keys.every((k, x) => k === this.baseKeys[at + x])) {
            matched = { to: j, at, count: keys.length };
            break;
          }
          if (!isEmptyParagraph(this.baseNodes[at])) break;
        }
      }
      if (!matched) {
        // Not explained block by block: the rest is one group.
        groups.push({ start: blocks[i]!.start, end: blocks[blocks.length - 1]!.end, nodeStart: n, nodeEnd: all });
        return groups;
      }
      const start = blocks[i]!.start;
      if (matched.at > n) groups.push({ start, end: start, nodeStart: n, nodeEnd: matched.at });
      groups.push({
        start,
        end: blocks[matched.to - 1]!.end,
        nodeStart: matched.at,
        nodeEnd: matched.at + matched.count,
      });
      n = matched.at + matched.count;
      i = matched.to;
    }
    if (n < all) {
      if (!this.baseNodes.slice(n).every(isEmptyParagraph)) return this.whole();
      const end = blocks.length ? blocks[blocks.length - 1]!.end : 0;
      groups.push({ start: end, end, nodeStart: n, nodeEnd: all });
    }
    return groups;
  }

  private whole(): Group[] {
    const start = this.text.length - this.text.trimStart().length;
    const end = this.text.trimEnd().length;
    return [{ start: Math.min(start, end), end, nodeStart: 0, nodeEnd: this.baseKeys.length }];
  }

  private parse(markdown: string): JSONContent[] | undefined {
    try {
      return this.codec.parse(markdown + this.suffix);
    } catch {
      return undefined;
    }
  }

  private parseKeys(markdown: string): string[] | undefined {
    return this.parse(markdown)?.map(keyOf);
  }

  /**
   * Does `markdown` read back as `nodes` (empty paragraphs aside, which have no text)? As the same
   * nodes, or as nodes the editor writes the same way (a link's target or rel, say, is not Markdown).
   */
  private reads(markdown: string, nodes: JSONContent[]): boolean {
    const read = this.parse(markdown);
    const want = nodes.filter((n) => !isEmptyParagraph(n));
    if (!read || read.length !== want.length) return false;
    return read.every(
      (node, i) =>
        keyOf(node) === keyOf(want[i]!) || this.codec.render(read, i, 'safe') === this.codec.render(want, i, 'safe'),
    );
  }

  private readonly baseTexts = new Map<string, string>();
  /** The writer's text for a node of the loaded document. */
  private baseText(index: number, escaping: Escaping): string {
    const key = `${escaping}:${index}`;
    let text = this.baseTexts.get(key);
    if (text === undefined) this.baseTexts.set(key, (text = this.codec.render(this.baseNodes, index, escaping)));
    return text;
  }

  /** A block written anew: with minimal escaping when that reads back the same. */
  private renderBlock(nodes: JSONContent[], index: number): string {
    const minimal = this.codec.render(nodes, index, 'minimal');
    const safe = this.codec.render(nodes, index, 'safe');
    return minimal === safe || this.reads(minimal, [nodes[index]!]) ? minimal : safe;
  }

  /**
   * New text for an edited group. The edit, as the difference between the writer's text for the
   * old and the new nodes, is applied to the source; in a table or list only to the edited rows or
   * items. Whatever is used must read back as the new nodes, else the nodes are written anew.
   */
  private replace(group: Group, cur: number[], nodes: JSONContent[]): string {
    const raw = this.text.slice(group.start, group.end);
    const base = this.baseNodes.slice(group.nodeStart, group.nodeEnd);
    const now = cur.map((c) => nodes[c]!);
    const type = base.length === 1 && now.length === 1 && base[0]!.type === now[0]!.type ? base[0]!.type : undefined;
    for (const escaping of ['minimal', 'safe'] as const) {
      const before = base.map((_, i) => this.baseText(group.nodeStart + i, escaping));
      const after = cur.map((c) => this.codec.render(nodes, c, escaping));
      const candidates: (() => string | undefined)[] = [];
      // Edited rows or items patched, else written anew; other blocks patched.
      const merge = type === 'table' ? mergeTable : type && listTypes.has(type) ? mergeList : undefined;
      if (merge)
        for (const patch of [true, false])
          candidates.push(() => merge(raw, base[0]!, now[0]!, before[0]!, after[0]!, patch));
      if (type !== 'table') candidates.push(() => patchSource(raw, joinBlocks(before), joinBlocks(after)));
      for (const candidate of candidates) {
        const text = candidate();
        if (text !== undefined && this.reads(text, now)) return text;
      }
    }
    return joinBlocks(cur.map((c) => this.renderBlock(nodes, c)));
  }
}

const listTypes = new Set(['bulletList', 'orderedList', 'taskList']);
const joinBlocks = (texts: string[]) => texts.filter(Boolean).join('\n\n');

/**
 * For each item of `after`: the item of `before` it was kept from (`kept`), or the one it took the
 * place of (`replaced`: removed and added at the same spot), else -1.
 */
export function pairItems(before: string[], after: string[]): { kept: number[]; replaced: number[] } {
  const kept = new Array<number>(after.length).fill(-1);
  const replaced = new Array<number>(after.length).fill(-1);
  const changes = diffArrays(before, after);
  let b = 0;
  let a = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const next = changes[i + 1];
    if (!change.added && !change.removed) {
      for (let k = 0; k < change.count; k++) kept[a++] = b++;
    } else if (next && !next.added !== !change.added && (next.added || next.removed)) {
      const removed = change.removed ? change.count : next.count;
      const added = change.added ? change.count : next.count;
      for (let k = 0; k < added; k++) replaced[a + k] = k < removed ? b + k : -1;
      a += added;
      b += removed;
      i++;
    } else if (change.added) a += change.count;
    else b += change.count;
  }
  return { kept, replaced };
}

/**
 * Where each character of `text` is in `source` (-1 where it is not): the common start and end
 * first, the middle by a character diff. Undefined when that takes too long.
 */
function alignChars(text: string, source: string): number[] | undefined {
  const at = new Array<number>(text.length).fill(-1);
  const max = Math.min(text.length, source.length);
  let head = 0;
  while (head < max && text[head] === source[head]) at[head] = head++;
  let tail = 0;
  while (tail < max - head && text[text.length - 1 - tail] === source[source.length - 1 - tail]) {
    at[text.length - 1 - tail] = source.length - 1 - tail;
    tail++;
  }
  const middle = diffChars(text.slice(head, text.length - tail), source.slice(head, source.length - tail), {
    timeout: 100,
  });
  if (!middle) return undefined;
  let o = head;
  let r = head;
  for (const change of middle) {
    if (change.added) r += change.value.length;
    else if (change.removed) o += change.value.length;
    else for (let k = 0; k < change.value.length; k++) at[o++] = r++;
  }
  return at;
}

/**
 * Apply to `source` the edit that turns `oldText` into `newText`, where `oldText` is another
 * spelling of `source` (the editor's, with its escaping and markers). Characters common to
 * `oldText` and `source` anchor the edit; undefined when an edit has no anchor.
 */
export function patchSource(source: string, oldText: string, newText: string): string | undefined {
  if (oldText === newText) return source;
  const at = alignChars(oldText, source);
  // Bounded: an edit that is hard to find is written anew instead.
  const edits = diffChars(oldText, newText, { timeout: 100 });
  if (!at || !edits) return undefined;
  let o = 0;
  let out = '';
  let copied = 0;
  for (let i = 0; i < edits.length; i++) {
    if (!edits[i]!.added && !edits[i]!.removed) {
      o += edits[i]!.value.length;
      continue;
    }
    let removed = 0;
    let added = '';
    for (; i < edits.length && (edits[i]!.added || edits[i]!.removed); i++) {
      if (edits[i]!.added) added += edits[i]!.value;
      else removed += edits[i]!.value.length;
    }
    i--;
    let from: number;
    let to: number;
    if (removed > 0) {
      from = at[o]!;
      to = at[o + removed - 1]! + 1;
      if (from < 0 || to <= 0) return undefined;
    } else {
      // After the character before, else before the character after.
      from = o > 0 && at[o - 1]! >= 0 ? at[o - 1]! + 1 : o < oldText.length ? at[o]! : source.length;
      if (from < 0) return undefined;
      to = from;
    }
    if (from < copied || to < from) return undefined;
    out += source.slice(copied, from) + added;
    copied = to;
    o += removed;
  }
  return out + source.slice(copied);
}

/** Offsets of the `|` that separate cells: not escaped. */
function pipePositions(line: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') at.push(i);
  }
  return at;
}

/** The cells of a table row line, trimmed. */
export function tableCells(line: string): string[] {
  const pipes = pipePositions(line);
  const lead = /^\s*\|/.test(line);
  const trail = /\|\s*$/.test(line) && pipes.length > (lead ? 1 : 0);
  const bounds = [
    lead ? pipes[0]! : -1,
    ...pipes.slice(lead ? 1 : 0, trail ? -1 : undefined),
    trail ? pipes[pipes.length - 1]! : line.length,
  ];
  return bounds.slice(0, -1).map((b, i) => line.slice(b + 1, bounds[i + 1]).trim());
}

/**
 * An edited table: unchanged rows keep their source lines, the header and delimiter rows too when
 * they are unchanged; an edited row is its source line with the edit applied, a new row is written
 * in the table's style (outer pipes, and padding when the source columns are aligned). With a column
 * added or deleted, each row is its source line with the cell added or removed (aligned columns are
 * written anew, aligned again). `baseWritten` and `written` are the editor's text for the old and
 * the new table; without `patch`, edited rows are written anew too.
 */
export function mergeTable(
  raw: string,
  base: JSONContent,
  cur: JSONContent,
  baseWritten: string,
  written: string,
  patch = true,
): string | undefined {
  const rawLines = raw.split('\n');
  const baseRows = base.content ?? [];
  const curRows = cur.content ?? [];
  const isHeader = (row: JSONContent | undefined) => row?.content?.every((cell) => cell.type === 'tableHeader');
  if (rawLines.length !== baseRows.length + 1 || !isHeader(baseRows[0]) || !isHeader(curRows[0])) return undefined;
  const columns = curRows[0]!.content!.length;
  if (curRows.some((row) => row.content?.length !== columns)) return undefined;
  // The writer leaves out blank body rows: map rows to the lines it wrote for them.
  const linesOf = (rows: JSONContent[], text: string) => {
    const lines = text.replace(/^\n+|\n+$/g, '').split('\n');
    const lineOf: number[] = [];
    let next = 2;
    rows.forEach((row, r) => lineOf.push(r === 0 ? 0 : hasVisibleContent(row) ? next++ : -1));
    return next === lines.length ? { lines, lineOf } : undefined;
  };
  const old = linesOf(baseRows, baseWritten);
  const now = linesOf(curRows, written);
  if (!old || !now) return undefined;

  const outer = { lead: /^\s*\|/.test(rawLines[0]!), trail: /\|\s*$/.test(rawLines[0]!) };
  const pipes = rawLines.map(pipePositions);
  const aligned = outer.lead && pipes.every((p) => p.join() === pipes[0]!.join()) ? pipes[0]! : undefined;
  // A column added or deleted: every row changes; an aligned table is written anew, aligned again.
  const resized = columns !== baseRows[0]!.content!.length;
  if (resized && aligned) return undefined;
  const format = (cells: string[]) => {
    const padded = cells.map((c, i) => {
      const width = aligned ? aligned[i + 1]! - aligned[i]! - 3 : 0;
      return width > c.length ? c + ' '.repeat(width - c.length) : c;
    });
    return `${outer.lead ? '| ' : ''}${padded.join(' | ')}${outer.trail ? ' |' : ''}`;
  };
  const compact = (line: string) => `| ${tableCells(line).join(' | ')} |`;
  /** Row `r` of the new table, `b` the old row it replaces (or -1). */
  const rowLine = (r: number, b: number) => {
    const line = now.lines[now.lineOf[r]!]!;
    const source = patch && b >= 0 && old.lineOf[b]! >= 0 ? rawLines[b === 0 ? 0 : b + 1]! : undefined;
    const patched =
      source === undefined ? undefined : patchSource(source, compact(old.lines[old.lineOf[b]!]!), compact(line));
    const cells = tableCells(patched ?? line);
    if (patched !== undefined && (!aligned || cells.length !== columns)) return patched;
    return cells.length === columns ? format(cells) : line;
  };

  const { kept, replaced } = pairItems(baseRows.map(keyOf), curRows.map(keyOf));
  const aligns = (row: JSONContent) => JSON.stringify(row.content!.map((cell) => cell.attrs?.align ?? null));
  const out: string[] = [];
  curRows.forEach((row, r) => {
    const b = kept[r]!;
    if (r === 0) {
      out.push(b === 0 ? rawLines[0]! : rowLine(0, replaced[0]!));
      const delimiter = tableCells(now.lines[1]!).map((cell) => (aligned ? cell : cell.replace(/-+/, '---')));
      out.push(aligns(row) === aligns(baseRows[0]!) ? rawLines[1]! : format(delimiter));
    } else if (b > 0) out.push(rawLines[b + 1]!);
    else if (now.lineOf[r]! >= 0) out.push(rowLine(r, replaced[r]!));
  });
  return out.join('\n');
}

const listMarker = /^( *)([-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/** The items of a list's source: each item's text and the text between it and the next one. */
export function splitListItems(text: string): { text: string; sep: string; marker: string; indent: string }[] {
  const lines = text.split('\n');
  const first = listMarker.exec(lines[0] ?? '');
  if (!first) return [];
  const indent = first[1]!;
  const ordered = /\d/.test(first[2]!);
  const starts: number[] = [];
  lines.forEach((line, l) => {
    const m = listMarker.exec(line);
    if (m && m[1] === indent && /\d/.test(m[2]!) === ordered) starts.push(l);
  });
  return starts.map((s, k) => {
    const e = starts[k + 1] ?? lines.length;
    let t = e;
    while (t > s + 1 && !lines[t - 1]!.trim()) t--;
    return {
      text: lines.slice(s, t).join('\n'),
      sep: `\n${lines
        .slice(t, e)
        .map((l) => `${l}\n`)
        .join('')}`,
      marker: listMarker.exec(lines[s]!)![2]!,
      indent,
    };
  });
}

/**
 * An edited list: unchanged items keep their source text, an edited item is its source with the
 * edit applied, a new item uses the list's markers. `baseWritten` and `written` are the editor's
 * text for the old and the new list; without `patch`, edited items are written anew too.
 */
export function mergeList(
  raw: string,
  base: JSONContent,
  cur: JSONContent,
  baseWritten: string,
  written: string,
  patch = true,
): string | undefined {
  const rawItems = splitListItems(raw);
  const oldItems = splitListItems(baseWritten.replace(/^\n+|\n+$/g, ''));
  const newItems = splitListItems(written.replace(/^\n+|\n+$/g, ''));
  const baseItems = base.content ?? [];
  const curItems = cur.content ?? [];
  if (
    !rawItems.length ||
    rawItems.length !== baseItems.length ||
    oldItems.length !== baseItems.length ||
    newItems.length !== curItems.length
  )
    return undefined;
  const first = rawItems[0]!;
  const sameNumber = rawItems.length > 1 && rawItems.every((it) => it.marker === first.marker);
  const restyle = (item: (typeof newItems)[number]) => {
    let marker = item.marker;
    if (/^[-+*]$/.test(marker) && /^[-+*]$/.test(first.marker)) marker = first.marker;
    else if (/\d/.test(marker) && /\d/.test(first.marker)) {
      const number = sameNumber ? first.marker.slice(0, -1) : marker.slice(0, -1);
      marker = number + first.marker.slice(-1);
    }
    if (marker.length !== item.marker.length) marker = item.marker;
    const text = marker + item.text.slice(item.indent.length + item.marker.length);
    return first.indent ? text.replace(/^(?=.)/gm, first.indent) : text;
  };
  const { kept, replaced } = pairItems(baseItems.map(keyOf), curItems.map(keyOf));
  const defaultSep = rawItems.length > 1 ? first.sep : '\n';
  let out = '';
  let prev = -2;
  curItems.forEach((_, c) => {
    const b = kept[c]!;
    if (c > 0) out += b >= 0 && prev >= 0 && b === prev + 1 ? rawItems[prev]!.sep : defaultSep;
    const r = replaced[c]!;
    const patched = patch && r >= 0 ? patchSource(rawItems[r]!.text, oldItems[r]!.text, newItems[c]!.text) : undefined;
    out += b >= 0 ? rawItems[b]!.text : (patched ?? restyle(newItems[c]!));
    prev = b;
  });
  return out;
}
