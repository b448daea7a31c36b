/** Relevance grades of one query: doc id -> grade (> 0 is relevant). */
export type Judgements = Record<string, number>;

export function ndcgAt(ranked: string[], rel: Judgements, k = 10): number {
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + (rel[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(rel)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

export function recallAt(ranked: string[], rel: Judgements, k: number): number {
  const relevant = Object.keys(rel).filter((id) => rel[id]! > 0);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export function reciprocalRank(ranked: string[], rel: Judgements): number {
  const i = ranked.findIndex((id) => (rel[id] ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}
