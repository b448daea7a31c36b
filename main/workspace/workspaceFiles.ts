import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { atomicCreate, atomicWrite } from './atomicWrite.js';
import { resolveInside } from './Workspace.js';

const refused = (root: string, at: string, what: string) =>
  new AlmanacError(
    'VALIDATION_FAILED',
    `${path.relative(root, at) || '.'} is ${what}: Almanac never writes through one inside a workspace. Replace it with a plain ${what === 'a symbolic link' ? 'file or folder' : 'file'} (or remove it) and try again.`,
    { problems: [{ file: path.relative(root, at), message: `is ${what}` }] },
  );

/**
 * Check the way down from the workspace root to `file`: every part that exists must be a real folder
 * and the file itself, if there, a regular file (or a real folder, for `kind` 'folder'); never a symbolic link, a device, a pipe or a socket.
 * Throws VALIDATION_FAILED naming the part (also when `file` is not inside `root`).
 */
export async function guardWrite(root: string, file: string, kind: 'file' | 'folder' = 'file'): Promise<void> {
  const target = resolveInside(root, path.resolve(file));
  if (target === undefined || target === path.resolve(root))
    throw new AlmanacError('VALIDATION_FAILED', `${file} is not inside the workspace ${root}.`);
  const parts = path.relative(root, target).split(path.sep);
  let at = root;
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part);
    const info = await lstat(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (!info) return;
    if (info.isSymbolicLink()) throw refused(root, at, 'a symbolic link');
    const last = i === parts.length - 1;
    if (!last && !info.isDirectory()) throw refused(root, at, 'not a folder');
    if (last && kind === 'folder' && !info.isDirectory()) throw refused(root, at, 'not a folder');
    if (last && kind === 'file' && !info.isFile())
      throw refused(root, at, info.isDirectory() ? 'a folder' : 'a special file');
  }
}

/** Write a workspace file whole (temp, fsync, rename), never through a symbolic link. */
export async function writeInside(root: string, file: string, content: string | Uint8Array): Promise<void> {
  await guardWrite(root, file);
  await mkdir(path.dirname(file), { recursive: true });
  await guardWrite(root, file);
  await atomicWrite(file, content);
}

/** Create a workspace file whole unless its name is taken (false then), never through a symbolic link. */
export async function createInside(root: string, file: string, content: string | Uint8Array): Promise<boolean> {
  await guardWrite(root, file);
  await mkdir(path.dirname(file), { recursive: true });
  return atomicCreate(file, content);
}

/**
 * Append to a workspace file (created if missing), never through a symbolic link: the folders on the
 * way are checked, and the file is opened with O_NOFOLLOW so a link swapped in meanwhile is refused too.
 */
export async function appendInside(root: string, file: string, text: string): Promise<void> {
  await guardWrite(root, file);
  await mkdir(path.dirname(file), { recursive: true });
  await guardWrite(root, file);
  let handle;
  try {
    handle = await open(
      file,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW,
      0o644,
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw refused(root, file, 'a symbolic link');
    throw err;
  }
  try {
    await handle.appendFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}
