export { ArticleStore } from './ArticleStore.js';
export type { NewArticle, SaveInput } from './ArticleStore.js';
export { articleMetaSchema, articleIdSchema, articleSourceSchema, audiences, maxIdBytes } from './articleMeta.js';
export type { ArticleMeta, ArticleMetaInput, ArticleSource } from './articleMeta.js';
export { parseArticleFile, readFrontMatter, serializeArticle, unknownFields } from './articleFile.js';
export { slugify } from './slugify.js';
export { watchArticles } from './watchArticles.js';
export type { ArticleStatus, VersionState } from './articleStatus.js';
export type { Article, ArticleSummary } from './types.js';
