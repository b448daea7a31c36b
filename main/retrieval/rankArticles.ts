import type { ChunkFilter, ChunkIndex } from '../indexing/index.js';
import { searchChunks, type SearchOptions } from './searchChunks.js';

/** Articles in the order of their best chunk, for article-level evaluation. */
export async function rankArticles(
  index: ChunkIndex,
  query: string,
  k: number,
  options: Omit<SearchOptions, 'k'> & { filter?: ChunkFilter } = {},
): Promise<string[]> {
  const response = await searchChunks(index, query, { ...options, k: k * 5 });
  const seen: string[] = [];
  for (const r of response.results) if (!seen.includes(r.articleId)) seen.push(r.articleId);
  return seen.slice(0, k);
}
