export { syncWorkspace, syncRemote, pendingConflicts, resolveConflict } from './syncWorkspace.js';
export type { SyncOptions, SyncResult, SyncConflict } from './syncWorkspace.js';
export { cloneWorkspace } from './cloneWorkspace.js';
export type { MergeAudit } from './mergeTrees.js';
export { syncWithTeam } from './syncWithTeam.js';
export { copyObjects } from './localTransport.js';
