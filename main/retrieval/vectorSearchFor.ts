import type { ChunkIndex, VectorStore } from '../indexing/index.js';
import type { SearchOptions } from './searchChunks.js';

/** Vector search over a model's vectors, returning full chunk rows nearest first. */
export function vectorSearchFor(
  index: ChunkIndex,
  vectors: VectorStore,
  embedQuery: (text: string) => Promise<Float32Array>,
): NonNullable<SearchOptions['vectorSearch']> {
  return async (query, limit, filter) => {
    const hits = await vectors.search(await embedQuery(query), limit, filter);
    const rows = await index.rowsById(hits.map((h) => h.id));
    return hits.filter((h) => rows.has(h.id)).map((h) => ({ row: rows.get(h.id)!, distance: h.distance }));
  };
}
