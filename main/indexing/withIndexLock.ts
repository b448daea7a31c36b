import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * Run `work` as the only writer of a workspace's index across processes (the studio and the command
 * line): a lock folder in .almanac/locks beside the index folder `dir`.
 */
export async function withIndexLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const locks = path.join(path.dirname(dir), 'locks');
  await mkdir(locks, { recursive: true });
  const release = await lockfile.lock(dir, {
    realpath: false,
    lockfilePath: path.join(locks, 'index.lock'),
    retries: { retries: 2400, minTimeout: 50, maxTimeout: 500 },
    stale: 10_000,
    onCompromised: () => undefined,
  });
  try {
    return await work();
  } finally {
    await release();
  }
}
