/** A piece of answer text: plain text, or a `[n]` citation mark. */
export type CitationRun = { text: string } | { n: number };

/** Split answer text at its `[n]` marks, so each mark can be shown as a chip. */
export function citationRuns(text: string): CitationRun[] {
  const runs: CitationRun[] = [];
  let at = 0;
  for (const m of text.matchAll(/\s*\[(\d+)\]/g)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    runs.push({ n: Number(m[1]) });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}
