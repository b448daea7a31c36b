import { readdir, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { atomicWrite } from './atomicWrite.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir('almanac-atomic-');
});
afterEach(() => tmp.cleanup());

it('replaces a file whole, leaves no temp file, and keeps its mode unless told one', async () => {
  const file = path.join(tmp.dir, 'settings.json');
  await writeFile(file, 'old');
  await chmod(file, 0o640);
  await atomicWrite(file, 'new');
  expect(await readFile(file, 'utf8')).toBe('new');
  expect((await stat(file)).mode & 0o777).toBe(0o640);
  await atomicWrite(file, new Uint8Array([1, 2, 3]), { mode: 0o600 });
  expect([...(await readFile(file))]).toEqual([1, 2, 3]);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(await readdir(tmp.dir)).toEqual(['settings.json']);
});
