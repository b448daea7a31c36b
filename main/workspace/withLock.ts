import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AlmanacError } from '../AlmanacError.js';

/**
 * Run `work` holding the lock `name` of a workspace, across processes (the studio and the command
 * line): a lock folder in `<localDir>/locks/`. The holder refreshes it; a lock left by a killed
 * process counts as stale after `staleMs`, and waiting gives up after about `waitMs`. A lock taken
 * from us while we hold it (we stalled past `staleMs`, or its folder was removed) is never ignored:
 * `held()` throws DAMAGED from then on (call it right before writing), and so does the result.
 */
export async function withLock<T>(
  localDir: string,
  name: string,
  work: (held: () => void) => Promise<T>,
  { staleMs, waitMs }: { staleMs: number; waitMs: number },
): Promise<T> {
  const locks = path.join(localDir, 'locks');
  await mkdir(locks, { recursive: true });
  let lost: Error | undefined;
  // proper-lockfile keys its held locks by this path, so each lock name needs its own.
  const release = await lockfile.lock(path.join(locks, name), {
    realpath: false,
    lockfilePath: path.join(locks, `${name}.lock`),
    retries: { retries: Math.ceil(waitMs / 100), minTimeout: 20, maxTimeout: 200 },
    stale: staleMs,
    onCompromised: (err) => {
      lost = err;
    },
  });
  const held = () => {
    if (lost)
      throw new AlmanacError(
        'DAMAGED',
        `The lock ${path.join('.almanac', 'locks', `${name}.lock`)} was taken from this process while it worked (${lost.message}), so another process may be writing the same files. Nothing more was written; try again.`,
        { problems: [{ file: path.join('.almanac', 'locks', `${name}.lock`), message: lost.message }] },
      );
  };
  try {
    const result = await work(held);
    held();
    return result;
  } finally {
    // A lock taken over as stale (its holder was too slow to refresh it) is already released.
    await release().catch(() => undefined);
  }
}
