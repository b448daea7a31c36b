import { AlmanacError } from '../AlmanacError.js';
import { fs, git, headCommit, serialized } from '../versions/gitRepo.js';
import type { Workspace } from '../workspace/Workspace.js';
import { countCommits } from './countCommits.js';
import type { HttpAuth } from './httpTransport.js';
import { mergeCommits } from './mergeCommits.js';
import { conflictsOf, readMergeState, type SyncConflict } from './mergeState.js';
import type { RelinkAudit } from './mergeTrees.js';
import { RemoteUnreachable } from './RemoteUnreachable.js';
import { displayRemote, normalizeRemote, openTransport } from './transport.js';

export { pendingConflicts } from './mergeState.js';
export type { SyncConflict } from './mergeState.js';
export { resolveConflict } from './resolveConflict.js';

export interface SyncOptions {
  /** A path to a bare repository, or an http(s) URL. Saved as remote "origin" in .git/config on first use. */
  remote?: string;
  /** Author of the merge commit. */
  author: { name: string; email: string };
  /** http(s) only. */
  auth?: HttpAuth;
  /** Re-links audit/log.jsonl's hash chain after both sides' lines were united. */
  relinkAudit?: RelinkAudit;
}

export interface SyncResult {
  state: 'up-to-date' | 'pulled' | 'pushed' | 'merged' | 'conflicts' | 'offline';
  /** Commits brought in. */
  pulled: number;
  /** Commits sent. */
  pushed: number;
  /** Files whose working copy changed by the pull or merge. */
  changedPaths: string[];
  conflicts: SyncConflict[];
  message?: string;
}

// Each round fetches, merges and tries to push; another push landing in between starts a new one.
const maxRounds = 3;

/** The remote this workspace syncs with, as saved in .git/config. */
export async function syncRemote(ws: Workspace): Promise<string | undefined> {
  const url: unknown = await git.getConfig({ fs, dir: ws.root, path: 'remote.origin.url' });
  return typeof url === 'string' && url ? url : undefined;
}

async function rememberRemote(ws: Workspace, remote: string): Promise<void> {
  if ((await syncRemote(ws)) !== remote)
    await git.addRemote({ fs, dir: ws.root, remote: 'origin', url: remote, force: true });
}

/** Remember where the remote's main was last seen, for ahead/behind counts. */
async function track(ws: Workspace, commit: string): Promise<void> {
  await git.writeRef({ fs, dir: ws.root, ref: 'refs/remotes/origin/main', value: commit, force: true });
}

/**
 * Pull, merge and push the workspace's committed history through its remote; uncommitted edits are
 * never overwritten. Resolves to 'offline' when the remote cannot be reached and to 'conflicts'
 * while a merge waits for resolveConflict. Throws VALIDATION_FAILED without a remote, CONFLICT
 * when the remote keeps moving, UNAUTHORIZED when it refuses the credentials.
 */
export async function syncWorkspace(ws: Workspace, options: SyncOptions): Promise<SyncResult> {
  return serialized(ws.root, async () => {
    const total = { pulled: 0, pushed: 0, changed: new Set<string>(), merged: false };
    const result = (state: SyncResult['state'], extra: Partial<SyncResult> = {}): SyncResult => ({
      state,
      pulled: total.pulled,
      pushed: total.pushed,
      changedPaths: [...total.changed].sort(),
      conflicts: [],
      ...extra,
    });
    const pending = await readMergeState(ws);
    if (pending) {
      return result('conflicts', {
        conflicts: await conflictsOf(ws, pending),
        message: 'Resolve the conflicts of the last sync first.',
      });
    }
    const remote = options.remote ? normalizeRemote(options.remote) : await syncRemote(ws);
    if (!remote) {
      throw new AlmanacError(
        'VALIDATION_FAILED',
        'This workspace has no remote to sync with yet. Give one: a bare repository path or an http(s) URL.',
      );
    }
    // Saved before the first fetch: a remote given while offline is there when the network is back.
    await rememberRemote(ws, remote);
    const transport = openTransport(ws.root, remote, options.auth);
    const ctx = { remote: displayRemote(remote), author: options.author, relinkAudit: options.relinkAudit };
    try {
      for (let round = 0; round < maxRounds; round++) {
        const theirs = await transport.fetch();
        if (theirs) await track(ws, theirs);
        const step = await mergeCommits(ws, theirs, ctx);
        total.pulled += step.pulled;
        total.merged ||= step.merged;
        for (const p of step.changedPaths) total.changed.add(p);
        if (step.conflicts.length > 0) {
          const state = await readMergeState(ws);
          return result('conflicts', { conflicts: state ? await conflictsOf(ws, state) : [] });
        }
        const head = await headCommit(ws.root);
        if (!head || head === theirs) break;
        const sending = await countCommits(ws.root, head, theirs);
        if (await transport.push(head, theirs)) {
          await track(ws, head);
          total.pushed += sending;
          break;
        }
        if (round === maxRounds - 1) {
          throw new AlmanacError('CONFLICT', `${ctx.remote} kept changing while this workspace synced. Sync again.`);
        }
      }
    } catch (err) {
      if (!(err instanceof RemoteUnreachable)) throw err;
      return result('offline', { message: `${err.message} Works offline: sync when back online.` });
    }
    if (total.merged) return result('merged');
    return result(total.pushed > 0 ? 'pushed' : total.pulled > 0 ? 'pulled' : 'up-to-date');
  });
}
