import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import git from 'isomorphic-git';
import { withLock } from '../workspace/index.js';
import { checkBranch, rememberHead, repairRepository } from './repairRepository.js';

export { git, fs };

/** Git's content hash of a file: the identity of an article version. */
export function blobHash(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

let onRepair: (notice: string) => void = (notice) => process.stderr.write(`Almanac repaired history: ${notice}\n`);

/** Report and repair a branch that moved backwards since Almanac last saw it (at open). */
export async function checkHistory(dir: string): Promise<void> {
  for (const line of await checkBranch(dir)) onRepair(line);
}

/** Where notices about repaired history go (the studio shows them; the command line prints them). */
export function reportRepairsTo(listener: (notice: string) => void): void {
  onRepair = listener;
}

/**
 * Run git work for one repository one at a time, in this process and across processes (the studio
 * and the command line): withLock's queue and its lock folder in .almanac/locks. isomorphic-git's
 * index is not safe to share.
 */
export function serialized<T>(dir: string, work: () => Promise<T>): Promise<T> {
  return withLock(
    path.join(dir, '.almanac'),
    'git',
    async () => {
      const repaired = await repairRepository(dir);
      for (const line of repaired) onRepair(line);
      try {
        return await work();
      } finally {
        await rememberHead(dir);
      }
    },
    { staleMs: 5_000, waitMs: 2 * 60_000 },
  );
}

export async function headCommit(dir: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, dir, ref: 'HEAD' });
  } catch {
    return null;
  }
}
