import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AlmanacError } from '../AlmanacError.js';

export interface LockOptions {
  /** A lock not refreshed for this long was left by a killed process and is taken over. */
  staleMs: number;
  /** Give up after about this long waiting for another process: CONFLICT. */
  waitMs: number;
  /**
   * The lock folder itself, for a lock another program honours too (git's `refs/heads/main.lock`
   * of a shared bare repository); `<localDir>/locks/<name>.lock` without it.
   */
  at?: string;
  /** The CONFLICT message when the lock stays held past `waitMs`. */
  busy?: string;
}

// Calls in this process wait here, in order, rather than spin on the lock folder.
const queues = new Map<string, Promise<unknown>>();

/**
 * Run `work` holding the lock `name` of a workspace, in this process (a queue per lock) and across
 * processes (the studio and the command line): a lock folder in `<localDir>/locks/`. The holder
 * refreshes it; a lock left by a killed process counts as stale after `staleMs`, and waiting for
 * another process gives up after about `waitMs` with CONFLICT. A lock taken from us while we hold it
 * (we stalled past `staleMs`, or its folder was removed) is never ignored: `held()` throws DAMAGED
 * from then on (call it right before writing), and so does the result. The one lock of Almanac.
 */
export function withLock<T>(
  localDir: string,
  name: string,
  work: (held: () => void) => Promise<T>,
  options: LockOptions,
): Promise<T> {
  const at = path.resolve(options.at ?? path.join(localDir, 'locks', `${name}.lock`));
  const shown = options.at ?? path.join('.almanac', 'locks', `${name}.lock`);
  const run = () => acrossProcesses(at, shown, work, options);
  const next = (queues.get(at) ?? Promise.resolve()).then(run);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(at, settled);
  void settled.then(() => {
    if (queues.get(at) === settled) queues.delete(at);
  });
  return next;
}

async function acrossProcesses<T>(
  at: string,
  shown: string,
  work: (held: () => void) => Promise<T>,
  { staleMs, waitMs, busy }: LockOptions,
): Promise<T> {
  await mkdir(path.dirname(at), { recursive: true });
  let lost: Error | undefined;
  // proper-lockfile keys its held locks by the first path, so each lock needs its own.
  const release = await lockfile
    .lock(at.replace(/\.lock$/, ''), {
      realpath: false,
      lockfilePath: at,
      // Tries back off from 20 ms to 200 ms apart (the first four take 300 ms): about `waitMs` in all.
      retries: { retries: Math.max(1, Math.ceil((waitMs - 300) / 200) + 4), minTimeout: 20, maxTimeout: 200 },
      stale: staleMs,
      onCompromised: (err) => {
        lost = err;
      },
    })
    .catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ELOCKED') throw err;
      throw new AlmanacError(
        'CONFLICT',
        busy ??
          `Another Almanac process has held the lock ${shown} for over ${Math.round(waitMs / 1000)} s. Try again in a moment.`,
        { problems: [{ file: shown, message: 'held by another process' }] },
      );
    });
  const held = () => {
    if (lost)
      throw new AlmanacError(
        'DAMAGED',
        `The lock ${shown} was taken from this process while it worked (${lost.message}), so another process may be writing the same files. Nothing more was written; try again.`,
        { problems: [{ file: shown, message: lost.message }] },
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
