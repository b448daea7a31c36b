export { ChunkIndex, filterSql, ftsOptions } from './ChunkIndex.js';
export type { ChunkRow, ChunkFilter, LexicalHit } from './ChunkIndex.js';
export { chunkMarkdown, estimateTokens, defaultChunkOptions } from './chunkMarkdown.js';
export type { Chunk, ChunkOptions } from './chunkMarkdown.js';
export { indexWorkspace, indexDir, articleRows } from './indexWorkspace.js';
export type { IndexReport, IndexOptions } from './indexWorkspace.js';
export { segmentForIndex, queryTerms } from './segmentForIndex.js';
export { IndexService } from './IndexService.js';
export type { IndexStatus } from './IndexService.js';
