import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import { withLock } from './withLock.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir('almanac-lock-');
});
afterEach(() => tmp.cleanup());

it('never ignores a lock taken from its holder: the next write and the result stop, naming the lock', async () => {
  const wrote: string[] = [];
  const run = withLock(
    tmp.dir,
    'audit',
    async (held) => {
      wrote.push('first');
      // Another process (or a clean-up) removes the lock while this one still works.
      await rm(path.join(tmp.dir, 'locks', 'audit.lock'), { recursive: true, force: true });
      // proper-lockfile notices at its next refresh (half the stale time): wait until held() refuses.
      await vi.waitFor(() => expect(held).toThrow(/taken from this process/), { timeout: 10_000, interval: 50 });
      held();
      wrote.push('second');
    },
    { staleMs: 2_000, waitMs: 1_000 },
  );
  await expect(run).rejects.toSatisfy(
    (e) =>
      e instanceof AlmanacError &&
      e.code === 'DAMAGED' &&
      /locks\/audit\.lock.*taken from this process/.test(e.message),
  );
  expect(wrote).toEqual(['first']);
});
