export { buildSnapshot, snapshotsDir } from './buildSnapshot.js';
export type { BuildSnapshotOptions, BuiltSnapshot } from './buildSnapshot.js';
export { packSnapshot, unpackSnapshot, bundleName } from './snapshotBundle.js';
export { checkSnapshotFolder, listSnapshotFiles } from './snapshotFiles.js';
export type { SnapshotCheck } from './snapshotFiles.js';
export { checkManifest, snapshotId, manifestFile } from './snapshotManifest.js';
export type { SignedManifest, SnapshotManifest, SnapshotArticle, SnapshotFile } from './snapshotManifest.js';
export { publishSnapshot, rollbackAgent, parseTarget, agentCall } from './publishSnapshot.js';
export type { PublishTarget, PublishResult, FolderInstaller } from './publishSnapshot.js';
