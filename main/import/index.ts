export { importPaths } from './importPaths.js';
export type { ImportReport, ImportOptions } from './importPaths.js';
export { htmlToMarkdown, sanitizeArticleHtml } from './htmlToMarkdown.js';
export { detectLocale } from './detectLocale.js';
