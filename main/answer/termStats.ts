import type { ChunkIndex } from '../indexing/index.js';
import { termOf } from './textTerms.js';

/** How many chunks hold each term: the document frequencies behind inverse document frequency. */
export interface TermStats {
  chunks: number;
  df: Map<string, number>;
}

/** BM25's inverse document frequency: rare terms count for more; a term no chunk holds counts the most. */
export function idf(stats: TermStats, term: string): number {
  const df = stats.df.get(term) ?? 0;
  return Math.log(1 + (stats.chunks - df + 0.5) / (df + 0.5));
}

/** Count terms over the index's chunks (the words its full-text index holds, stemmed the same way). */
export async function collectTermStats(index: ChunkIndex): Promise<TermStats> {
  const df = new Map<string, number>();
  const texts = await index.lexicalTexts();
  for (const lex of texts) {
    for (const term of new Set(lex.split(' ').filter(Boolean).map(termOf))) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { chunks: texts.length, df };
}

const cache = new WeakMap<ChunkIndex, { version: number; stats: Promise<TermStats> }>();

/** Term statistics of an index, recounted only after a write (about 0.3 s per 10,000 chunks). */
export async function termStatsOf(index: ChunkIndex): Promise<TermStats> {
  const version = await index.tableVersion();
  const hit = cache.get(index);
  if (hit && hit.version === version) return hit.stats;
  const stats = collectTermStats(index);
  cache.set(index, { version, stats });
  return stats;
}
