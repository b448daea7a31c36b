import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { fileKeyVault } from './keyVault.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir('almanac-keys-');
});
afterEach(() => tmp.cleanup());

it('writes private keys 0600 through the one writer, replacing an older key', async () => {
  const vault = fileKeyVault(tmp.dir);
  await vault.write('ab:cd', 'first');
  await vault.write('ab:cd', 'second');
  expect(await vault.read('ab:cd')).toBe('second');
  const keys = await readdir(path.join(tmp.dir, 'keys'));
  expect(keys).toEqual(['abcd.pem']);
  expect((await stat(path.join(tmp.dir, 'keys', 'abcd.pem'))).mode & 0o777).toBe(0o600);
});
