export { openWorkspace, createWorkspace, insideWorkspace } from './Workspace.js';
export type { Workspace, CreateOptions } from './Workspace.js';
export { atomicWrite } from './atomicWrite.js';
export { workspaceConfigSchema } from './workspaceConfig.js';
export type { WorkspaceConfig, Member } from './workspaceConfig.js';
export { appendInside, createInside, guardWrite, writeInside } from './workspaceFiles.js';
