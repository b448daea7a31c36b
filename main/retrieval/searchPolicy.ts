import type { ChunkFilter, ChunkIndex } from '../indexing/index.js';
import { searchChunks, type SearchOptions, type SearchResponse } from './searchChunks.js';

/** Statuses searched when the caller names none: archived articles stay out (invalid ones are never indexed). */
export const defaultSearchStatuses: readonly string[] = [
  'draft',
  'in-review',
  'changes-requested',
  'approved',
  'stale',
];

/** The filter every search runs with: the caller's, limited to the default statuses unless it names its own. */
export function searchPolicy(filter: ChunkFilter = {}): ChunkFilter {
  return { ...filter, status: filter.status ?? [...defaultSearchStatuses] };
}

/** Search the knowledge base as the agent would, under the same policy for the studio, the CLI and evaluation. */
export function searchKnowledge(
  index: ChunkIndex,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResponse> {
  return searchChunks(index, query, { ...options, filter: searchPolicy(options.filter) });
}
