import type { TreeObject } from 'isomorphic-git';
import { fs, git } from '../versions/index.js';
import type { TreeEntry } from './compareTrees.js';

// Git orders tree entries by name, comparing a folder's name as if it ended with "/".
const sortKey = (e: TreeObject[number]) => (e.type === 'tree' ? `${e.path}/` : e.path);

async function rewrite(
  dir: string,
  tree: string | null,
  changes: Map<string, TreeEntry | null>,
): Promise<string | null> {
  const entries = new Map<string, TreeObject[number]>();
  if (tree) for (const e of (await git.readTree({ fs, dir, oid: tree })).tree) entries.set(e.path, e);
  const nested = new Map<string, Map<string, TreeEntry | null>>();
  for (const [filepath, entry] of changes) {
    const slash = filepath.indexOf('/');
    if (slash < 0) {
      if (entry) entries.set(filepath, { path: filepath, mode: entry.mode, oid: entry.oid, type: 'blob' });
      else entries.delete(filepath);
      continue;
    }
    const name = filepath.slice(0, slash);
    if (!nested.has(name)) nested.set(name, new Map());
    nested.get(name)!.set(filepath.slice(slash + 1), entry);
  }
  for (const [name, inner] of nested) {
    const current = entries.get(name);
    const oid = await rewrite(dir, current?.type === 'tree' ? current.oid : null, inner);
    if (oid) entries.set(name, { path: name, mode: '040000', oid, type: 'tree' });
    else if (current?.type === 'tree') entries.delete(name);
  }
  if (entries.size === 0) return null;
  const sorted = [...entries.values()].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  return git.writeTree({ fs, dir, tree: sorted });
}

/** Write the tree of `commit` with some files replaced or removed (null), reusing unchanged folders. */
export async function rewriteTree(
  dir: string,
  commitOrTree: string | null,
  changes: Map<string, TreeEntry | null>,
): Promise<string> {
  return (await rewrite(dir, commitOrTree, changes)) ?? git.writeTree({ fs, dir, tree: [] });
}
