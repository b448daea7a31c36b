import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * Run `work` holding the lock `name` of a workspace, across processes (the studio and the command
 * line): a lock folder in `<localDir>/locks/`. The holder refreshes it; a lock left by a killed
 * process counts as stale after `staleMs`, and waiting gives up after about `waitMs`.
 */
export async function withLock<T>(
  localDir: string,
  name: string,
  work: () => Promise<T>,
  { staleMs, waitMs }: { staleMs: number; waitMs: number },
): Promise<T> {
  const locks = path.join(localDir, 'locks');
  await mkdir(locks, { recursive: true });
  // proper-lockfile keys its held locks by this path, so each lock name needs its own.
  const release = await lockfile.lock(path.join(locks, name), {
    realpath: false,
    lockfilePath: path.join(locks, `${name}.lock`),
    retries: { retries: Math.ceil(waitMs / 100), minTimeout: 20, maxTimeout: 200 },
    stale: staleMs,
    onCompromised: () => undefined,
  });
  try {
    return await work();
  } finally {
    // A lock taken over as stale (its holder was too slow to refresh it) is already released.
    await release().catch(() => undefined);
  }
}
