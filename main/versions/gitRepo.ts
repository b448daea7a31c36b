import fs from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import git from 'isomorphic-git';
import lockfile from 'proper-lockfile';
import { repairRepository } from './repairRepository.js';

export { git, fs };

/** Git's content hash of a file: the identity of an article version. */
export function blobHash(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const queues = new Map<string, Promise<unknown>>();

/** Hold the repository's lock across processes (the studio and the command line) while `work` runs. */
async function acrossProcesses<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const locks = path.join(dir, '.almanac', 'locks');
  await mkdir(locks, { recursive: true });
  const release = await lockfile.lock(path.join(dir, '.git'), {
    realpath: false,
    lockfilePath: path.join(locks, 'git.lock'),
    retries: { retries: 600, minTimeout: 20, maxTimeout: 250 },
    stale: 5_000,
    onCompromised: () => undefined,
  });
  try {
    const repaired = await repairRepository(dir);
    for (const line of repaired) onRepair(line);
    return await work();
  } finally {
    await release();
  }
}

let onRepair: (notice: string) => void = (notice) => process.stderr.write(`Almanac repaired history: ${notice}\n`);

/** Where notices about repaired history go (the studio shows them; the command line prints them). */
export function reportRepairsTo(listener: (notice: string) => void): void {
  onRepair = listener;
}

/**
 * Run git work for one repository one at a time: in this process by a queue, across processes by a
 * lock folder in .almanac/locks; isomorphic-git's index is not safe to share.
 */
export function serialized<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(dir) ?? Promise.resolve();
  const locked = () => acrossProcesses(dir, work);
  const next = previous.then(locked, locked);
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
