import fs from 'node:fs';
import { createHash } from 'node:crypto';
import git from 'isomorphic-git';

export { git, fs };

/** Git's content hash of a file: the identity of an article version. */
export function blobHash(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const queues = new Map<string, Promise<unknown>>();

/** Run git work for one repository one at a time; isomorphic-git's index is not safe to share. */
export function serialized<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(dir) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    dir,
    next.catch(() => undefined),
  );
  return next;
}

export async function headCommit(dir: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, dir, ref: 'HEAD' });
  } catch {
    return null;
  }
}
