import { mkdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { fs, git } from '../versions/index.js';
import { atomicWrite } from '../workspace/index.js';
import { insideWorkspace } from '../workspace/index.js';

/** A file of the working tree, or null when it does not exist. */
export async function readWorking(root: string, filepath: string): Promise<Buffer | null> {
  try {
    return await readFile(insideWorkspace(root, filepath));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Write a working-tree file atomically, or delete it (null) with the folders that leaves empty below the top level. */
export async function writeWorking(root: string, filepath: string, content: Uint8Array | string | null): Promise<void> {
  const file = insideWorkspace(root, filepath);
  if (content !== null) {
    await mkdir(path.dirname(file), { recursive: true });
    await atomicWrite(file, content);
    return;
  }
  await rm(file, { force: true });
  for (
    let folder = path.dirname(file);
    path.dirname(folder) !== root && folder !== root;
    folder = path.dirname(folder)
  ) {
    // rmdir refuses a folder that still has files: that ends the climb.
    if (
      !(await rmdir(folder).then(
        () => true,
        () => false,
      ))
    )
      break;
  }
}

/** Point the index entries of `paths` at their blobs in `commit`, so git status agrees with the new HEAD. */
export async function refreshIndex(root: string, paths: Iterable<string>, commit: string): Promise<void> {
  for (const filepath of paths) await git.resetIndex({ fs, dir: root, filepath, ref: commit });
}
