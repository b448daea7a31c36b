import { fs, git } from '../versions/index.js';

async function ancestors(dir: string, from: string | null, stop: Set<string> = new Set()): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = from ? [from] : [];
  while (queue.length > 0) {
    const oid = queue.pop()!;
    if (seen.has(oid) || stop.has(oid)) continue;
    seen.add(oid);
    const { commit } = await git.readCommit({ fs, dir, oid });
    queue.push(...commit.parent);
  }
  return seen;
}

/** How many commits `from` has that `known` (null: none) does not: what a pull brings or a push sends. */
export async function countCommits(dir: string, from: string, known: string | null): Promise<number> {
  return (await ancestors(dir, from, await ancestors(dir, known))).size;
}
