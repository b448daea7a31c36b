import { AlmanacError } from '../AlmanacError.js';
import { fs, git, serialized } from '../versions/index.js';
import type { Workspace } from '../workspace/index.js';
import { finishMerge } from './mergeCommits.js';
import { conflictsOf, readMergeState, saveMergeState, unresolved, type SyncConflict } from './mergeState.js';
import { writeWorking } from './workingFiles.js';

/**
 * Settle one sync conflict with the chosen text (null deletes the file) and return those left;
 * resolving the last one commits the merge, which the next sync pushes. Throws NOT_FOUND when the
 * path has no pending conflict.
 */
export async function resolveConflict(ws: Workspace, filepath: string, text: string | null): Promise<SyncConflict[]> {
  return serialized(ws.root, async () => {
    const state = await readMergeState(ws);
    if (!state || !unresolved(state).includes(filepath)) {
      throw new AlmanacError('NOT_FOUND', `${filepath} has no pending sync conflict.`);
    }
    await writeWorking(ws.root, filepath, text);
    state.resolved[filepath] =
      text === null ? null : await git.writeBlob({ fs, dir: ws.root, blob: Buffer.from(text) });
    if (unresolved(state).length > 0) {
      await saveMergeState(ws, state);
      return conflictsOf(ws, state);
    }
    await finishMerge(ws, state);
    // Commits made while the conflicts were open can conflict with the merge in turn.
    const again = await readMergeState(ws);
    return again ? conflictsOf(ws, again) : [];
  });
}
