export { initRepository, headArticleOids, articlePath, profileSubject } from './repository.js';
export { blobHash, checkHistory } from './gitRepo.js';
export { listVersions, resolveVersion, commitArticles, commitPaths } from './versionHistory.js';
export type { ArticleVersion, CommitResult, ResolvedVersion } from './versionHistory.js';
export { diffVersions, diffArticleText } from './diffVersions.js';
export type { ArticleDiff, TextChange, FieldChange } from './diffVersions.js';
export { restoreVersion } from './restoreVersion.js';
export { readVersionText } from './readVersionText.js';
