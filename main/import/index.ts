export { importPaths, defaultMaxRows, importBatchSize } from './importPaths.js';
export type { ImportReport, ImportOptions, ImportProgress, CappedFile } from './importPaths.js';
export { htmlToMarkdown, sanitizeArticleHtml } from './htmlToMarkdown.js';
export { detectLocale } from './detectLocale.js';
export { maxHtmlNesting } from './htmlNesting.js';
