import { marked, type Token } from 'marked';
import { introducesNext } from '../text/index.js';

export interface Chunk {
  /** Heading path from the top of the article, e.g. ["Refunds", "By card"]. */
  headings: string[];
  /**
   * The chunk's Markdown. A chunk that starts inside a split table also carries the table's header
   * and delimiter rows in front, which are not in body[start, end].
   */
  text: string;
  /** Character offsets of the chunk in the article body. */
  start: number;
  end: number;
}

export interface ChunkOptions {
  /** Largest chunk, in model tokens. */
  maxTokens: number;
  /** Tokens repeated from the end of one chunk at the start of the next. */
  overlapTokens: number;
  countTokens: (text: string) => number;
}

/** A rough token count when no tokenizer is loaded: Latin words plus CJK characters. */
export function estimateTokens(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  const words =
    text
      .replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, ' ')
      .match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0;
  return Math.ceil(cjk + words * 1.3);
}

export const defaultChunkOptions: ChunkOptions = { maxTokens: 256, overlapTokens: 32, countTokens: estimateTokens };

interface Unit {
  start: number;
  end: number;
  tokens: number;
  /** Header and delimiter rows to repeat when a chunk starts at this table row. */
  lead?: { text: string; tokens: number };
  /** A paragraph that introduces the block after it ("try the following:"): kept in its chunk. */
  introduces?: boolean;
}

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** Split an over-long block into sentence units, and over-long sentences into slices. */
function splitUnit(body: string, start: number, end: number, options: ChunkOptions): Unit[] {
  const units: Unit[] = [];
  for (const s of sentenceSegmenter.segment(body.slice(start, end))) {
    const sStart = start + s.index;
    const sEnd = sStart + s.segment.length;
    const tokens = options.countTokens(s.segment);
    if (tokens <= options.maxTokens) {
      units.push({ start: sStart, end: sEnd, tokens });
      continue;
    }
    const step = Math.max(1, Math.floor((s.segment.length * options.maxTokens) / tokens));
    for (let at = sStart; at < sEnd; at += step) {
      const to = Math.min(sEnd, at + step);
      units.push({ start: at, end: to, tokens: options.countTokens(body.slice(at, to)) });
    }
  }
  return units;
}

/** Split an over-long table into row units; the first keeps the header, the rest carry it as `lead`. */
function splitTable(body: string, start: number, end: number, options: ChunkOptions): Unit[] {
  const lines: { start: number; end: number }[] = [];
  for (let at = start; at < end;) {
    const nl = body.indexOf('\n', at);
    const to = nl === -1 || nl > end ? end : nl;
    const text = body.slice(at, to).trimEnd();
    if (text) lines.push({ start: at, end: at + text.length });
    at = to + 1;
  }
  if (lines.length < 3) return splitUnit(body, start, end, options);
  const headerText = body.slice(lines[0]!.start, lines[1]!.end);
  const lead = { text: headerText, tokens: options.countTokens(headerText) };
  const rowBudget = { ...options, maxTokens: Math.max(1, options.maxTokens - lead.tokens) };
  const units: Unit[] = [];
  lines.slice(2).forEach((line, n) => {
    const from = n === 0 ? lines[0]!.start : line.start;
    const tokens = options.countTokens(body.slice(from, line.end));
    if (n === 0 && tokens <= options.maxTokens) units.push({ start: from, end: line.end, tokens });
    else if (n > 0 && lead.tokens + tokens <= options.maxTokens)
      units.push({ start: from, end: line.end, tokens, lead });
    else {
      if (n === 0) units.push({ start: from, end: lines[1]!.end, tokens: lead.tokens });
      units.push(...splitUnit(body, line.start, line.end, rowBudget).map((u) => ({ ...u, lead })));
    }
  });
  return units;
}

/**
 * Heading-aware chunks of a Markdown body within a token budget. Each section under a heading is
 * packed block by block (paragraphs, lists, tables); long tables split by row, repeating their
 * header, other long blocks by sentence; consecutive chunks of one section share about
 * `overlapTokens` of text.
 */
export function chunkMarkdown(body: string, options: ChunkOptions = defaultChunkOptions): Chunk[] {
  const sections: { headings: string[]; units: Unit[] }[] = [];
  const path: { depth: number; text: string }[] = [];
  let current: { headings: string[]; units: Unit[] } = { headings: [], units: [] };
  sections.push(current);
  let offset = 0;
  for (const token of marked.lexer(body) as Token[]) {
    const start = offset;
    offset += token.raw.length;
    if (token.type === 'space') continue;
    if (token.type === 'heading') {
      const depth = (token as { depth: number }).depth;
      while (path.length && path.at(-1)!.depth >= depth) path.pop();
      path.push({ depth, text: (token as { text: string }).text.trim() });
      current = { headings: path.map((p) => p.text), units: [] };
      sections.push(current);
      continue;
    }
    const end = start + token.raw.trimEnd().length;
    const tokens = options.countTokens(body.slice(start, end));
    // A paragraph that introduces what follows ("try the following:") stays with its list or table.
    const before = current.units.at(-1);
    if (
      before &&
      !before.lead &&
      (token.type === 'list' || token.type === 'table' || token.type === 'code') &&
      introducesNext(body.slice(before.start, before.end))
    )
      before.introduces = true;
    if (tokens <= options.maxTokens) current.units.push({ start, end, tokens });
    else if (token.type === 'table') current.units.push(...splitTable(body, start, end, options));
    else current.units.push(...splitUnit(body, start, end, options));
  }
  const chunks: Chunk[] = [];
  for (const section of sections) {
    const { units } = section;
    let i = 0;
    while (i < units.length) {
      let j = i;
      let tokens = units[i]!.lead?.tokens ?? 0;
      while (j < units.length && (j === i || tokens + units[j]!.tokens <= options.maxTokens)) {
        // An introduction that cannot bring its block along opens the next chunk instead.
        const next = units[j + 1];
        if (j > i && units[j]!.introduces && next && tokens + units[j]!.tokens + next.tokens > options.maxTokens) break;
        tokens += units[j++]!.tokens;
      }
      const start = units[i]!.start;
      const end = units[j - 1]!.end;
      const lead = units[i]!.lead ? `${units[i]!.lead!.text}\n` : '';
      chunks.push({ headings: section.headings, text: lead + body.slice(start, end), start, end });
      if (j >= units.length) break;
      let back = j;
      let overlap = 0;
      // The next chunk must still reach units[j] after its overlap and any repeated table header.
      while (
        back - 1 > i &&
        overlap + units[back - 1]!.tokens <= options.overlapTokens &&
        (units[back - 1]!.lead?.tokens ?? 0) + overlap + units[back - 1]!.tokens + units[j]!.tokens <= options.maxTokens
      )
        overlap += units[--back]!.tokens;
      i = back;
    }
  }
  return chunks;
}
