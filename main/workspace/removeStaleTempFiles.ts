import { lstat, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { atomicTempFile } from './atomicWrite.js';

/**
 * Remove temp files that a killed process left behind mid-write (the real file is whole: the temp
 * was never renamed over it). Files younger than `minAgeMs` may belong to a write in progress.
 */
export async function removeStaleTempFiles(dir: string, minAgeMs = 60_000, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!atomicTempFile.test(name)) continue;
    const file = path.join(dir, name);
    const info = await lstat(file).catch(() => undefined);
    if (!info?.isFile() || now - info.mtimeMs < minAgeMs) continue;
    await unlink(file).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}
