import type { ChunkFilter, ChunkIndex } from '../indexing/index.js';
import type { SearchOptions } from './searchChunks.js';
import { searchKnowledge } from './searchPolicy.js';

/** Articles in the order of their best chunk, for article-level evaluation (same search policy as the agent). */
export async function rankArticles(
  index: ChunkIndex,
  query: string,
  k: number,
  options: Omit<SearchOptions, 'k'> & { filter?: ChunkFilter } = {},
): Promise<string[]> {
  const response = await searchKnowledge(index, query, { ...options, k: k * 5 });
  const seen: string[] = [];
  for (const r of response.results) if (!seen.includes(r.articleId)) seen.push(r.articleId);
  return seen.slice(0, k);
}
