import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import { compareAndSwapMain, copyObjects, readMain } from './localTransport.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let remote: string;
beforeEach(async () => {
  tmp = await tempDir('almanac-remote-');
  remote = path.join(tmp.dir, 'remote.git');
  await mkdir(path.join(remote, 'refs', 'heads'), { recursive: true });
});
afterEach(() => tmp.cleanup());

const a = 'a'.repeat(40);
const b = 'b'.repeat(40);
const c = 'c'.repeat(40);

it('moves main only from the commit expected, one push at a time', async () => {
  expect(await compareAndSwapMain(remote, null, a)).toBe(true);
  expect(await readMain(remote)).toBe(a);
  // Two pushes from the same commit: exactly one wins, the other is told main moved.
  const results = await Promise.all([compareAndSwapMain(remote, a, b), compareAndSwapMain(remote, a, c)]);
  expect(results.filter(Boolean)).toHaveLength(1);
  expect(await readMain(remote)).toBe(results[0] ? b : c);
  expect(await readFile(path.join(remote, 'refs', 'heads', 'main'), 'utf8')).toMatch(/^[bc]{40}\n$/);
  expect(await readdir(path.join(remote, 'refs', 'heads'))).toEqual(['main']);
});

it('waits for a git push holding main.lock, and names a stale one left behind', async () => {
  const lock = path.join(remote, 'refs', 'heads', 'main.lock');
  await writeFile(lock, `${b}\n`);
  await expect(compareAndSwapMain(remote, null, a)).rejects.toSatisfy(
    (e) => e instanceof AlmanacError && e.code === 'CONFLICT' && /Another sync is pushing/.test(e.message),
  );
  const old = new Date(Date.now() - 60_000);
  await utimes(lock, old, old);
  await expect(compareAndSwapMain(remote, null, a)).rejects.toSatisfy(
    (e) => e instanceof AlmanacError && e.code === 'CONFLICT' && /remove that file/.test(e.message),
  );
  expect(await readMain(remote)).toBeNull();
}, 60_000);

it('copies the objects the other side lacks, whole, under their names', async () => {
  const from = path.join(tmp.dir, 'from');
  const to = path.join(tmp.dir, 'to');
  await mkdir(path.join(from, 'ab'), { recursive: true });
  await mkdir(path.join(from, 'pack'), { recursive: true });
  await writeFile(path.join(from, 'ab', 'c'.repeat(38)), 'loose');
  await writeFile(path.join(from, 'pack', 'pack-1234.pack'), 'pack');
  await writeFile(path.join(from, 'pack', 'pack-1234.idx'), 'idx');
  expect(await copyObjects(from, to)).toBe(3);
  expect(await copyObjects(from, to)).toBe(0);
  expect(await readFile(path.join(to, 'ab', 'c'.repeat(38)), 'utf8')).toBe('loose');
  expect((await readdir(path.join(to, 'pack'))).sort()).toEqual(['pack-1234.idx', 'pack-1234.pack']);
  expect(await readdir(path.join(to, 'ab'))).toEqual(['c'.repeat(38)]);
});
