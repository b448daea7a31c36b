function linesOf(text: string | null): string[] {
  return (text ?? '').split('\n').filter((line) => line.trim() !== '');
}

/**
 * Merge two sides of an append-only JSON-lines file: the base lines, then our new lines, then
 * theirs, each line once (exact equality).
 */
export function unionLines(base: string | null, ours: string, theirs: string): string {
  const out = linesOf(base);
  const seen = new Set(out);
  for (const line of [...linesOf(ours), ...linesOf(theirs)]) {
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/**
 * Append-only files whose sides are merged by lines instead of reported as a conflict: review
 * records, the audit log, and the answer feedback two reviewers may both have given.
 */
export function mergesByLines(filepath: string): boolean {
  return /^(reviews|audit|feedback)\/.+\.jsonl$/.test(filepath);
}
