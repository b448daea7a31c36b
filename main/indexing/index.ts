export {
  ChunkIndex,
  chunksRepairedNotice,
  defaultTitleBoost,
  filterSql,
  ftsOptions,
  lexicalColumns,
} from './ChunkIndex.js';
export type { ChunkRow, ChunkRecord, ChunkFilter, ChunkIndexOptions, LexicalHit } from './ChunkIndex.js';
export { chunkMarkdown, estimateTokens, defaultChunkOptions } from './chunkMarkdown.js';
export type { Chunk, ChunkOptions } from './chunkMarkdown.js';
export { indexWorkspace, indexDir, articleRows, UnindexableArticle } from './indexWorkspace.js';
export { markdownNesting, markdownNestingProblem, maxMarkdownNesting } from './markdownNesting.js';
export type { IndexReport, IndexOptions, IndexSource } from './indexWorkspace.js';
export { segmentForIndex, queryTerms } from './segmentForIndex.js';
export { IndexService } from './IndexService.js';
export type { IndexStatus } from './IndexService.js';
export { openRetrieval } from './openRetrieval.js';
export type { Retrieval, RetrievalOptions, Semantic } from './openRetrieval.js';
export { VectorStore, embedText } from './VectorStore.js';
export type { PassageEmbedder, VectorFillReport } from './VectorStore.js';
export { collectTermStats, termStatsOf } from './termStats.js';
