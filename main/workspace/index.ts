export { configFile, insideWorkspace, resolveInside } from './Workspace.js';
export type { Workspace } from './Workspace.js';
export { atomicWrite } from './atomicWrite.js';
export { removeStaleTempFiles } from './removeStaleTempFiles.js';
export { workspaceConfigSchema } from './workspaceConfig.js';
export type { WorkspaceConfig, Member } from './workspaceConfig.js';
export { appendInside, createInside, guardWrite, writeInside } from './workspaceFiles.js';
export { withLock } from './withLock.js';
export { roles, memberSchema } from './workspaceConfig.js';
export { atomicTempFile } from './atomicWrite.js';
export {
  appendJsonLine,
  inFileOrder,
  jsonLineTexts,
  parseJsonLine,
  parseJsonLines,
  readJsonLines,
} from './jsonLines.js';
export type { BadJsonLine, JsonLine, JsonLines } from './jsonLines.js';
export { appendJsonLineInside } from './appendJsonLineInside.js';
