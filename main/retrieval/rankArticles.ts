import { termStatsOf, type ChunkFilter, type ChunkIndex } from '../indexing/index.js';
import { questionTerms } from '../text/index.js';
import { rankPassages } from './rankPassages.js';
import type { SearchOptions } from './searchChunks.js';
import { searchKnowledge } from './searchPolicy.js';

/**
 * Articles in the order of their best section as an answer (`rankPassages`: search score and how
 * much of the question the section covers), with the same search policy as the agent.
 */
export async function rankArticles(
  index: ChunkIndex,
  query: string,
  k: number,
  options: Omit<SearchOptions, 'k'> & { filter?: ChunkFilter } = {},
): Promise<string[]> {
  const [response, stats] = await Promise.all([
    searchKnowledge(index, query, { ...options, k: Math.max(30, k * 3) }),
    termStatsOf(index),
  ]);
  const seen: string[] = [];
  for (const r of rankPassages(response.results, questionTerms(query), stats))
    if (!seen.includes(r.result.articleId)) seen.push(r.result.articleId);
  return seen.slice(0, k);
}
