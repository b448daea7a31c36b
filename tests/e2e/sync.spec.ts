import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { almanac, expect, startStudio, stopStudio, test } from './studio';

const article = (text: string) => `---\nid: returns\ntitle: Returns\nlocale: en\nowner: ann\n---\n${text}\n`;

test('a conflict from a teammate is settled in the three-way view and nothing is lost', async ({ page }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'almanac-sync-'));
  const a = path.join(dir, 'ann');
  const b = path.join(dir, 'bob');
  const remote = path.join(dir, 'remote.git');
  const ann = { env: { ALMANAC_CONFIG_DIR: path.join(dir, 'config-ann') } };
  const bob = { env: { ALMANAC_CONFIG_DIR: path.join(dir, 'config-bob') } };
  await git.init({ fs, dir: remote, bare: true, defaultBranch: 'main' });
  almanac('init', a, ann);
  almanac('team', 'join', a, '--id', 'ann', '--name', 'Ann', ann);
  const added = almanac('team', 'add', a, 'bob', '--name', 'Bob', '--json', ann);
  const { invite } = JSON.parse(added.stdout) as { invite: string };
  await writeFile(path.join(a, 'articles', 'returns.md'), article('Return within 30 days.'));
  almanac('commit', a, 'returns', '-m', 'Returns', ann);
  almanac('sync', a, remote, ann);
  almanac('clone', remote, b, bob);
  almanac('team', 'join', b, '--id', 'bob', '--invite', invite, bob);
  await writeFile(path.join(b, 'articles', 'returns.md'), article('Return within 30 days. Bob: unworn items only.'));
  almanac('commit', b, 'returns', '-m', 'Unworn', bob);
  almanac('sync', b, bob);
  await writeFile(path.join(a, 'articles', 'returns.md'), article('Return within 30 days. Ann: keep the receipt.'));
  almanac('commit', a, 'returns', '-m', 'Receipt', ann);

  const studio = await startStudio(a, undefined, { configDir: ann.env.ALMANAC_CONFIG_DIR });
  try {
    // The saved remote arrives late (as it did once in CI): a click before it must still sync.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/sync.status', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(studio.url);
    await page.getByTestId('sync').click();
    release();
    const conflict = page.getByTestId('conflict');
    await expect(conflict).toContainText('articles/returns.md');
    await expect(conflict.getByTestId('conflict-ours')).toContainText('Ann: keep the receipt.');
    await expect(conflict.getByTestId('conflict-theirs')).toContainText('Bob: unworn items only.');
    await expect(conflict.getByTestId('conflict-base')).not.toContainText('Bob');
    // Until it is settled, the working file keeps Ann's text.
    expect(await readFile(path.join(a, 'articles', 'returns.md'), 'utf8')).toContain('Ann: keep the receipt.');

    await conflict
      .getByRole('textbox', { name: 'Resolved text' })
      .fill(article('Return within 30 days. Ann: keep the receipt. Bob: unworn items only.'));
    await conflict.getByRole('button', { name: 'Use the text above' }).click();
    await expect(page.getByRole('dialog')).toContainText('Every conflict is settled');
    await page.getByRole('dialog').getByRole('button', { name: 'Sync' }).click();
    await expect(page.getByText(/Sent \d+ change\(s\) to your team|Merged/)).toBeVisible();

    almanac('sync', b, bob);
    const merged = await readFile(path.join(b, 'articles', 'returns.md'), 'utf8');
    expect(merged).toContain('Ann: keep the receipt.');
    expect(merged).toContain('Bob: unworn items only.');
  } finally {
    await stopStudio(studio);
    await rm(dir, { recursive: true, force: true });
  }
});
