import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fs, git } from '../versions/index.js';
import { atomicWrite } from '../workspace/index.js';
import type { Workspace } from '../workspace/index.js';
import { readWorking } from './workingFiles.js';

/** A file both sides changed differently; the working file holds our text until it is resolved. */
export interface SyncConflict {
  path: string;
  /** Text at the merge base; null when the file was added on both sides. */
  base: string | null;
  /** Our text (the working file); null when deleted on our side. */
  ours: string | null;
  theirs: string | null;
}

/** A merge waiting for conflicts to be resolved, kept in .almanac/sync/merge.json. */
export interface MergeState {
  ours: string | null;
  theirs: string;
  base: string | null;
  /** The merged tree with our files where there are conflicts. */
  tree: string;
  conflicts: string[];
  /** Blob chosen for each resolved conflict (null: delete the file). */
  resolved: Record<string, string | null>;
  remote: string;
  author: { name: string; email: string };
}

const stateFile = (ws: Workspace) => path.join(ws.localDir, 'sync', 'merge.json');

export async function readMergeState(ws: Workspace): Promise<MergeState | undefined> {
  const text = await readFile(stateFile(ws), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as MergeState);
}

export async function saveMergeState(ws: Workspace, state: MergeState): Promise<void> {
  await mkdir(path.dirname(stateFile(ws)), { recursive: true });
  await atomicWrite(stateFile(ws), `${JSON.stringify(state, null, 2)}\n`);
}

export async function clearMergeState(ws: Workspace): Promise<void> {
  await rm(stateFile(ws), { force: true });
}

export function unresolved(state: MergeState): string[] {
  return state.conflicts.filter((p) => !(p in state.resolved));
}

async function textAt(dir: string, commit: string | null, filepath: string): Promise<string | null> {
  if (!commit) return null;
  try {
    const { blob } = await git.readBlob({ fs, dir, oid: commit, filepath });
    return Buffer.from(blob).toString('utf8');
  } catch {
    return null;
  }
}

/** The three texts of each conflict still unresolved in a pending merge. */
export async function conflictsOf(ws: Workspace, state: MergeState): Promise<SyncConflict[]> {
  const out: SyncConflict[] = [];
  for (const filepath of unresolved(state)) {
    const working = await readWorking(ws.root, filepath);
    out.push({
      path: filepath,
      base: await textAt(ws.root, state.base, filepath),
      ours: working === null ? null : working.toString('utf8'),
      theirs: await textAt(ws.root, state.theirs, filepath),
    });
  }
  return out;
}

/** The conflicts a sync left for the team to resolve; empty when no merge is pending. */
export async function pendingConflicts(ws: Workspace): Promise<SyncConflict[]> {
  const state = await readMergeState(ws);
  return state ? conflictsOf(ws, state) : [];
}
