export { fuseRanks } from './fuseRanks.js';
export { searchChunks } from './searchChunks.js';
export { noModelNotice, noticeText, vectorsPendingNotice } from './searchNotice.js';
export type { SearchNotice } from './searchNotice.js';
export type { SearchMode, SearchResult, SearchResponse, SearchOptions } from './searchChunks.js';
export { searchKnowledge, searchPolicy, defaultSearchStatuses } from './searchPolicy.js';
export { rankArticles } from './rankArticles.js';
export { vectorSearchFor } from './vectorSearchFor.js';
