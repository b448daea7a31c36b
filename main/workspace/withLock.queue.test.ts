import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import { withLock } from './withLock.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir('almanac-lock-');
});
afterEach(() => tmp.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('runs the calls of one process one at a time, in order, however long each takes', async () => {
  const events: string[] = [];
  // waitMs is far shorter than the queue: queued calls never spin on the lock folder.
  const runs = Array.from({ length: 8 }, (_, i) =>
    withLock(
      tmp.dir,
      'queue',
      async () => {
        events.push(`start ${i}`);
        await sleep(40);
        events.push(`end ${i}`);
        if (i === 3) throw new Error('three fails');
        return i;
      },
      { staleMs: 2_000, waitMs: 50 },
    ),
  );
  const results = await Promise.allSettled(runs);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([0, 1, 2, 'failed', 4, 5, 6, 7]);
  expect(events).toEqual(Array.from({ length: 8 }, (_, i) => [`start ${i}`, `end ${i}`]).flat());
});

it('gives up with CONFLICT when another process holds the lock past waitMs', async () => {
  const at = path.join(tmp.dir, 'refs', 'heads', 'main.lock');
  await mkdir(at, { recursive: true });
  const run = withLock(tmp.dir, 'main', () => Promise.resolve('ran'), {
    staleMs: 60_000,
    waitMs: 300,
    at,
    busy: 'Another sync is pushing.',
  });
  await expect(run).rejects.toSatisfy(
    (e) => e instanceof AlmanacError && e.code === 'CONFLICT' && e.message === 'Another sync is pushing.',
  );
  const plain = withLock(tmp.dir, 'other', () => Promise.resolve('ran'), { staleMs: 60_000, waitMs: 300 });
  await expect(plain).resolves.toBe('ran');
});
