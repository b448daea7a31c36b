import { AlmanacError } from '../AlmanacError.js';
import { fs, git, headCommit, serialized } from '../versions/index.js';
import type { Workspace } from '../workspace/index.js';
import { countCommits } from './countCommits.js';
import { linksInCommit } from './linksInCommit.js';
import type { HttpAuth } from './httpTransport.js';
import { mergeCommits } from './mergeCommits.js';
import { conflictsOf, readMergeState, type SyncConflict } from './mergeState.js';
import type { MergeAudit } from './mergeTrees.js';
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
  /** Merges audit/log.jsonl's two sides (default: entry by entry, re-linked; our signed head still holds). */
  mergeAudit?: MergeAudit;
  /**
   * Judges the remote's commit before anything of it is merged: a reason to refuse it (its audit
   * log does not verify, or lacks entries this clone had), or undefined. `lastSeen` is the remote
   * commit this clone pulled last.
   */
  checkIncoming?: (theirs: string, lastSeen: string | null) => Promise<string | undefined>;
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

/** The remote commit this clone pulled (or pushed) last. */
async function lastPulled(ws: Workspace): Promise<string | null> {
  return git.resolveRef({ fs, dir: ws.root, ref: 'refs/remotes/origin/main' }).catch(() => null);
}

/**
 * Refuse a remote whose main no longer contains what this clone last pulled (a reset or a force
 * push rewrote it), or that the caller's check refuses: CONFLICT, with nothing merged.
 */
async function refuseRewritten(
  ws: Workspace,
  remote: string,
  theirs: string,
  lastSeen: string | null,
  checkIncoming: SyncOptions['checkIncoming'],
): Promise<void> {
  const dir = ws.root;
  if (lastSeen && theirs !== lastSeen) {
    const known = await git.readCommit({ fs, dir, oid: lastSeen }).then(
      () => true,
      () => false,
    );
    const contains = known && (await git.isDescendent({ fs, dir, oid: theirs, ancestor: lastSeen, depth: -1 }));
    if (!contains)
      throw new AlmanacError(
        'CONFLICT',
        `${remote} no longer contains commit ${lastSeen.slice(0, 7)}, which this workspace pulled from it before: its history was rewritten (reset or force-pushed). Nothing was merged. Ask the team who changed it; to start over from what it holds now, clone it again into a new folder.`,
        { lastSeen, theirs },
      );
  }
  const links = await linksInCommit(dir, theirs);
  if (links.length)
    throw new AlmanacError(
      'CONFLICT',
      `${remote} carries symbolic links (${links.slice(0, 5).join(', ')}${links.length > 5 ? ', …' : ''}), which Almanac never creates in a workspace: a link could make it write outside it. Nothing was merged; ask the team to replace them with plain files.`,
      { links },
    );
  const reason = await checkIncoming?.(theirs, lastSeen);
  if (reason)
    throw new AlmanacError(
      'CONFLICT',
      `${remote} holds history this workspace does not accept: ${reason}. Nothing was merged.`,
      {
        theirs,
      },
    );
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
    const ctx = {
      remote: displayRemote(remote),
      author: options.author,
      mergeAudit: options.mergeAudit,
    };
    try {
      for (let round = 0; round < maxRounds; round++) {
        const lastSeen = await lastPulled(ws);
        const theirs = await transport.fetch();
        if (!theirs && lastSeen)
          throw new AlmanacError(
            'CONFLICT',
            `${ctx.remote} has no history any more, though this workspace pulled commit ${lastSeen.slice(0, 7)} from it: it was emptied or replaced. Nothing was merged.`,
          );
        if (theirs) await refuseRewritten(ws, ctx.remote, theirs, lastSeen, options.checkIncoming);
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
