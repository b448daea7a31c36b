import { TREE, type WalkerEntry } from 'isomorphic-git';
import { fs, git } from '../versions/index.js';

export interface TreeEntry {
  oid: string;
  mode: string;
}

/** One file path and its blob in each compared commit (null where it is absent). */
export interface PathRow {
  path: string;
  entries: (TreeEntry | null)[];
}

async function blobOf(entry: WalkerEntry | null): Promise<TreeEntry | null> {
  if (!entry || (await entry.type()) !== 'blob') return null;
  return { oid: await entry.oid(), mode: (await entry.mode()).toString(8).padStart(6, '0') };
}

/**
 * Every file path whose blob is not the same in all the given commits (a null commit has no
 * files); folders identical in all of them are skipped without being read.
 */
export async function compareTrees(dir: string, commits: (string | null)[]): Promise<PathRow[]> {
  const present = commits.map((c, i) => [c, i] as const).filter((pair): pair is [string, number] => pair[0] !== null);
  if (present.length === 0) return [];
  const rows: PathRow[] = await git.walk({
    fs,
    dir,
    trees: present.map(([ref]) => TREE({ ref })),
    map: async (filepath, walked) => {
      const all: (WalkerEntry | null)[] = commits.map(() => null);
      present.forEach(([, i], k) => (all[i] = walked[k] ?? null));
      const types = await Promise.all(all.map((e) => e?.type()));
      const entries = await Promise.all(all.map(blobOf));
      const row = { path: filepath, entries };
      if (types.some((t) => t === 'tree')) {
        const oids = await Promise.all(all.map((e) => e?.oid()));
        if (types.every((t) => t === 'tree') && oids.every((o) => o === oids[0])) return null;
        // A path that is a folder on one side and a file on another: report the file, still walk the folder.
        return entries.some((e) => e !== null) ? row : undefined;
      }
      const same = entries.every((e) => (e?.oid ?? null) === (entries[0]?.oid ?? null));
      return same ? undefined : row;
    },
  });
  return rows;
}
