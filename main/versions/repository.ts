import path from 'node:path';
import type { Workspace } from '../workspace/index.js';
import { git, fs, serialized, headCommit } from './gitRepo.js';
import { resolveAuthor } from './authors.js';

/** Create the workspace's git repository with everything in it as the first commit. */
export async function initRepository(ws: Workspace, message: string): Promise<string> {
  return serialized(ws.root, async () => {
    await git.init({ fs, dir: ws.root, defaultBranch: 'main' });
    const matrix = await git.statusMatrix({ fs, dir: ws.root });
    for (const [filepath] of matrix) await git.add({ fs, dir: ws.root, filepath });
    return git.commit({ fs, dir: ws.root, message, author: resolveAuthor(ws, 'Almanac') });
  });
}

let headCache: { dir: string; commit: string; oids: Map<string, string> } | undefined;

/** Blob ids of every article file at HEAD, by file name; cached per HEAD commit. */
export async function headArticleOids(ws: Workspace): Promise<Map<string, string>> {
  // A HEAD that does not resolve may be damaged: taking the lock checks and repairs it first.
  const commit = (await headCommit(ws.root)) ?? (await serialized(ws.root, () => headCommit(ws.root)));
  if (!commit) return new Map();
  if (headCache?.dir === ws.root && headCache.commit === commit) return headCache.oids;
  const oids = new Map<string, string>();
  try {
    const { tree } = await git.readTree({ fs, dir: ws.root, oid: commit, filepath: 'articles' });
    for (const entry of tree) if (entry.type === 'blob') oids.set(entry.path, entry.oid);
  } catch {
    // No articles folder at HEAD yet.
  }
  headCache = { dir: ws.root, commit, oids };
  return oids;
}

/** The agent profile's id wherever articles and the profile are versioned and reviewed alike; no article id starts with "@". */
export const profileSubject = '@profile';

/** The workspace file of an article id, or of the agent profile. */
export function articlePath(id: string): string {
  if (id === profileSubject) return 'agent/profile.md';
  return path.posix.join('articles', `${id}.md`);
}
