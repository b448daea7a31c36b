import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import type { Member, WorkspaceConfig } from './workspaceConfig.js';

export interface Workspace {
  root: string;
  /** `team` is the roster the signed audit entries build, never the copy in almanac.json. */
  config: WorkspaceConfig;
  /** The roster as almanac.json lists it: a cache that is compared with the signed one, never trusted. */
  rosterCache: Member[];
  articlesDir: string;
  localDir: string;
}

/** The workspace's settings file, at its root. */
export const configFile = 'almanac.json';

/** Resolve a path inside the workspace; throws VALIDATION_FAILED if it would escape it. */
export function insideWorkspace(root: string, ...segments: string[]): string {
  const target = path.resolve(root, ...segments);
  const rel = path.relative(root, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new AlmanacError('VALIDATION_FAILED', `The path ${segments.join('/')} leaves the workspace.`);
  }
  return target;
}
