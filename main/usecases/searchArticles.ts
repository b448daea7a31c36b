import type { ChunkIndex, PassageEmbedder, VectorStore } from '../indexing/index.js';
import {
  noModelNotice,
  searchKnowledge,
  vectorSearchFor,
  vectorsPendingNotice,
  type SearchOptions,
  type SearchResponse,
} from '../retrieval/index.js';

/** What a workspace is searched with: its chunks, and its vectors once a model has computed them. */
export interface SearchSource {
  index: ChunkIndex;
  semantic?: { vectors: VectorStore; embedder: PassageEmbedder };
  /** Where models are looked for, named in the notice when there is none. */
  modelDir?: string;
}

/**
 * Search the workspace's articles as the agent would: hybrid when vectors are there, lexical with a
 * notice saying why otherwise (no model, or the first vectors still being computed).
 */
export async function searchArticles(
  source: SearchSource,
  query: string,
  options: Omit<SearchOptions, 'vectorSearch'>,
): Promise<SearchResponse> {
  const { index, semantic } = source;
  const vectorSearch =
    semantic && (await semantic.vectors.count()) > 0
      ? vectorSearchFor(index, semantic.vectors, (q) => semantic.embedder.embedQuery(q))
      : undefined;
  const response = await searchKnowledge(index, query, { ...options, vectorSearch });
  if (response.notice) response.notice = semantic ? vectorsPendingNotice : noModelNotice(source.modelDir);
  return response;
}
