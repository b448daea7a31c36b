import { blobHash, fs, git, headCommit } from '../versions/index.js';
import type { Workspace } from '../workspace/index.js';
import { compareTrees, type TreeEntry } from './compareTrees.js';
import { countCommits } from './countCommits.js';
import { blobText, mergeLines, mergeTrees, type MergeAudit } from './mergeTrees.js';
import { clearMergeState, saveMergeState, type MergeState } from './mergeState.js';
import { rewriteTree } from './rewriteTree.js';
import { mergesByLines } from './unionLines.js';
import { readWorking, refreshIndex, writeWorking } from './workingFiles.js';

const branch = 'refs/heads/main';

export interface MergeContext {
  remote: string;
  author: { name: string; email: string };
  mergeAudit?: MergeAudit;
}

/** What bringing in one commit did. */
export interface MergeStep {
  pulled: number;
  changedPaths: string[];
  merged: boolean;
  /** Paths left for the team to resolve; the merge is then pending in .almanac/sync/merge.json. */
  conflicts: string[];
}

const nothing: MergeStep = { pulled: 0, changedPaths: [], merged: false, conflicts: [] };

/**
 * Bring `theirs` into the workspace's main: fast-forward, or a three-way merge committed as
 * "Sync with <remote>", or a pending merge when files conflict. Files with uncommitted edits are
 * never overwritten: an incoming change to one is a conflict (JSON-lines files are united instead).
 */
export async function mergeCommits(ws: Workspace, theirs: string | null, ctx: MergeContext): Promise<MergeStep> {
  const dir = ws.root;
  const ours = await headCommit(dir);
  if (!theirs || theirs === ours) return nothing;
  const base: string | null = ours ? ((await git.findMergeBase({ fs, dir, oids: [ours, theirs] }))[0] ?? null) : null;
  if (ours && base === theirs) return nothing;
  const pulled = await countCommits(dir, theirs, ours);
  const merged = await mergeTrees(dir, base, ours, theirs, ctx.mergeAudit);

  const conflicts = merged.filter((m) => m.how === 'conflict').map((m) => m.path);
  const applied = new Map<string, TreeEntry | null>();
  const changedPaths: string[] = [];
  for (const m of merged) {
    if (m.how === 'conflict') continue;
    const working = await readWorking(dir, m.path);
    const workingOid = working ? blobHash(working) : null;
    if (workingOid === (m.result?.oid ?? null)) {
      applied.set(m.path, m.result);
    } else if (workingOid === (m.ours?.oid ?? null)) {
      await writeWorking(dir, m.path, m.result ? (await git.readBlob({ fs, dir, oid: m.result.oid })).blob : null);
      applied.set(m.path, m.result);
      changedPaths.push(m.path);
    } else if (working && m.result && mergesByLines(m.path)) {
      // Uncommitted records stay uncommitted, beside the merged ones.
      const text = mergeLines(
        m.path,
        await blobText(dir, m.base),
        working.toString('utf8'),
        (await blobText(dir, m.theirs)) ?? '',
        ctx.mergeAudit,
      );
      await writeWorking(dir, m.path, text);
      applied.set(m.path, m.result);
      changedPaths.push(m.path);
    } else {
      conflicts.push(m.path);
    }
  }

  if (conflicts.length > 0) {
    const tree = await rewriteTree(dir, ours, applied);
    const { remote, author } = ctx;
    await saveMergeState(ws, { ours, theirs, base, tree, conflicts, resolved: {}, remote, author });
    return { pulled, changedPaths, merged: false, conflicts };
  }
  let next = theirs;
  if (ours && base !== ours) {
    const tree = await rewriteTree(dir, ours, applied);
    next = await git.commit({
      fs,
      dir,
      message: `Sync with ${ctx.remote}`,
      author: ctx.author,
      tree,
      parent: [ours, theirs],
    });
  } else {
    await git.writeRef({ fs, dir, ref: branch, value: theirs, force: true });
  }
  await refreshIndex(dir, applied.keys(), next);
  return { pulled, changedPaths, merged: next !== theirs, conflicts: [] };
}

/**
 * Commit a pending merge whose conflicts are all resolved (parents: ours and theirs). If commits
 * were made meanwhile, the merge commit is merged into them like any incoming commit.
 */
export async function finishMerge(ws: Workspace, state: MergeState): Promise<MergeStep> {
  const dir = ws.root;
  const resolved = new Map<string, TreeEntry | null>();
  for (const [filepath, oid] of Object.entries(state.resolved))
    resolved.set(filepath, oid ? { oid, mode: '100644' } : null);
  const tree = await rewriteTree(dir, state.tree, resolved);
  const parent = state.ours ? [state.ours, state.theirs] : [state.theirs];
  const message = `Sync with ${state.remote}`;
  const commit = await git.commit({ fs, dir, message, author: state.author, tree, parent, noUpdateBranch: true });
  await clearMergeState(ws);
  if ((await headCommit(dir)) !== state.ours) return mergeCommits(ws, commit, state);
  await git.writeRef({ fs, dir, ref: branch, value: commit, force: true });
  const rows = await compareTrees(dir, [state.ours, commit]);
  await refreshIndex(
    dir,
    rows.map((r) => r.path),
    commit,
  );
  return { ...nothing, merged: true };
}
