export { fuseRanks } from './fuseRanks.js';
export { searchChunks, noModelNotice } from './searchChunks.js';
export type { SearchMode, SearchResult, SearchResponse, SearchOptions } from './searchChunks.js';
export { rankArticles } from './rankArticles.js';
export { vectorSearchFor } from './vectorSearchFor.js';
