export { openWorkspace, createWorkspace } from './openWorkspace.js';
export type { CreateOptions } from './openWorkspace.js';
