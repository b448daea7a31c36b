import { fs, git } from '../versions/index.js';

/** Paths a commit stores as symbolic links (mode 120000): never created in a workspace. */
export async function linksInCommit(dir: string, commit: string): Promise<string[]> {
  const found = await git.walk({
    fs,
    dir,
    trees: [git.TREE({ ref: commit })],
    map: async (filepath, [entry]) => {
      if (!entry || filepath === '.') return undefined;
      const mode = await entry.mode();
      return mode === 0o120000 ? filepath : undefined;
    },
  });
  return (found as (string | undefined)[]).filter((p): p is string => typeof p === 'string');
}
