export { ArticleStore } from './ArticleStore.js';
export type { NewArticle, SaveInput } from './ArticleStore.js';
export { articleMetaSchema, articleIdSchema, audiences } from './articleMeta.js';
export type { ArticleMeta, ArticleMetaInput } from './articleMeta.js';
export { parseArticleFile, serializeArticle } from './articleFile.js';
export { slugify } from './slugify.js';
export { watchArticles } from './watchArticles.js';
export type { ArticleStatus, VersionState } from './articleStatus.js';
export type { Article, ArticleSummary } from './types.js';
