import type { TextRange } from '../../main/api/index.js';

/** A run of result text, and whether the core marked it as matching the query. */
export interface TextRun {
  text: string;
  hit: boolean;
}

/**
 * The text cut into runs at the ranges the core matched (in order, not overlapping): the renderer
 * only paints them; what matches is decided in the core, as the index reads text.
 */
export function markedRuns(text: string, ranges: readonly TextRange[]): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) runs.push({ text: text.slice(at, start), hit: false });
    runs.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), hit: false });
  return runs;
}
