import { diffArrays, diffWordsWithSpace } from 'diff';
import type { ArticleDiff } from '../../main/api/index.js';

export type TextChange = ArticleDiff['body'][number];

/** One cell of a table row; `changed` cells hold their word changes. */
export interface SourceCell {
  parts: TextChange[];
  changed: boolean;
}

/** One line of the source diff: unchanged, removed, added, changed word by word, or a table row changed cell by cell. */
export type SourceLine =
  | { kind: 'equal' | 'removed' | 'added'; text: string }
  | { kind: 'changed'; parts: TextChange[] }
  | { kind: 'row'; cells: SourceCell[] };

// Below this share of unchanged letters a rewritten line reads better as removed + added.
const minSimilarity = 0.3;

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;

/** The cells of a Markdown table row (`| a | b |`), or null when the line is not one. */
export function tableCells(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || trimmed.length < 2) return null;
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < trimmed.length; i++) {
    const c = trimmed[i]!;
    if (c === '\\' && trimmed[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (cell.trim()) cells.push(cell.trim());
  return cells.length ? cells.map((c) => (/^:?-+:?$/.test(c) ? c.replace(/-+/, '---') : c)) : null;
}

const rowText = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** A line as it is compared and shown: table rows without their alignment padding, no trailing spaces. */
export function normaliseLine(line: string): string {
  const cells = tableCells(line);
  return cells ? rowText(cells) : line.trimEnd();
}

function wordChanges(from: string, to: string): { parts: TextChange[]; similarity: number } {
  const parts: TextChange[] = [];
  let same = 0;
  for (const part of diffWordsWithSpace(from, to, segmenter ? { intlSegmenter: segmenter } : {})) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'equal';
    if (kind === 'equal') same += part.value.replace(/\s+/g, '').length;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += part.value;
    else parts.push({ kind, text: part.value });
  }
  const letters = Math.max(1, from.replace(/\s+/g, '').length, to.replace(/\s+/g, '').length);
  return { parts, similarity: same / letters };
}

function pairLines(from: string, to: string): SourceLine[] {
  const a = tableCells(from);
  const b = tableCells(to);
  if (a && b && a.length === b.length) {
    return [
      {
        kind: 'row',
        cells: a.map((cell, i) =>
          cell === b[i]
            ? { parts: [{ kind: 'equal', text: cell }], changed: false }
            : { parts: wordChanges(cell, b[i]!).parts, changed: true },
        ),
      },
    ];
  }
  const { parts, similarity } = wordChanges(from, to);
  if (similarity >= minSimilarity) return [{ kind: 'changed', parts }];
  return [
    { kind: 'removed', text: from },
    { kind: 'added', text: to },
  ];
}

/**
 * The Markdown source of both versions compared line by line, each table row cell by cell, so that
 * re-padded tables show only the cells whose text changed.
 */
export function sourceLines(body: TextChange[]): SourceLine[] {
  const side = (skip: TextChange['kind']) =>
    body
      .filter((c) => c.kind !== skip)
      .map((c) => c.text)
      .join('')
      .split('\n')
      .map(normaliseLine);
  const out: SourceLine[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) out.push(...pairLines(removed[i]!, added[i]!));
    out.push(...removed.slice(paired).map((text) => ({ kind: 'removed' as const, text })));
    out.push(...added.slice(paired).map((text) => ({ kind: 'added' as const, text })));
    removed = [];
    added = [];
  };
  for (const part of diffArrays(side('added'), side('removed'))) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) added.push(...part.value);
    else {
      flush();
      out.push(...part.value.map((text) => ({ kind: 'equal' as const, text })));
    }
  }
  flush();
  return out;
}
