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

/**
 * The path `segments` resolve to from `root` (an absolute one stands for itself), or undefined when
 * it leaves `root`; `root` itself is inside. The one containment check: callers compare real paths
 * when links matter.
 */
export function resolveInside(root: string, ...segments: string[]): string | undefined {
  const target = path.resolve(root, ...segments);
  const rel = path.relative(root, target);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? undefined : target;
}

/** Resolve a path inside the workspace; throws VALIDATION_FAILED if it would escape it. */
export function insideWorkspace(root: string, ...segments: string[]): string {
  const target = resolveInside(root, ...segments);
  if (target === undefined) {
    throw new AlmanacError('VALIDATION_FAILED', `The path ${segments.join('/')} leaves the workspace.`);
  }
  return target;
}
