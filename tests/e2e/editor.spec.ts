import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, repoRoot, test } from './studio';

test('create, autosave, save a version, diff, restore, reload', async ({ page, studio }) => {
  page.on('dialog', (d) => void d.accept());
  await page.goto(studio.url);
  await expect(page.getByTestId('article-row').first()).toBeVisible();

  await page
    .getByRole('button', { name: /New article/ })
    .first()
    .click();
  await page.getByRole('dialog').getByLabel('Title').fill('Parcel lockers');
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  const body = page.getByTestId('article-body');
  await body.click();
  await page.keyboard.type('Pick up your parcel at a locker.');
  const saveState = page.getByTestId('save-state');
  await expect(saveState).toHaveAttribute('data-state', 'saved');
  const file = path.join(studio.ws, 'articles/parcel-lockers.md');
  await expect.poll(() => readFile(file, 'utf8')).toContain('Pick up your parcel at a locker.');

  await page.keyboard.press('Control+s');
  await page.getByRole('dialog').getByLabel('What changed?').fill('First version');
  await page.getByRole('dialog').getByRole('button', { name: 'Save version' }).click();
  await expect(page.getByText('Version saved.')).toBeVisible();

  await body.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Lockers are open around the clock.');
  await expect(saveState).toHaveAttribute('data-state', 'saved');
  await expect.poll(() => readFile(file, 'utf8')).toContain('around the clock');

  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByTestId('history-panel');
  await expect(history.getByTestId('version-item')).toHaveCount(1);
  await expect(history.locator('ins.diff-added')).toContainText('around the clock');

  await history.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByText('Version restored.')).toBeVisible();
  await expect(body).not.toContainText('around the clock');
  await expect.poll(() => readFile(file, 'utf8')).not.toContain('around the clock');

  await page.reload();
  await page.getByTestId('article-row').filter({ hasText: 'Parcel lockers' }).click();
  await expect(body).toContainText('Pick up your parcel at a locker.');
  await expect(body).not.toContainText('around the clock');
  await page.getByRole('button', { name: 'History' }).click();
  const items = page.getByTestId('version-item');
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText('Restore parcel-lockers');
  await expect(items.nth(1)).toContainText('Keep unsaved edits');
  await expect(items.nth(2)).toContainText('First version');
});

test('the editor, for the README screenshot', async ({ page, studio }, testInfo) => {
  await page.goto(studio.url);
  await page.getByTestId('article-row').filter({ hasText: 'Refund policy' }).click();
  await expect(page.getByTestId('article-body')).toContainText('refund');
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByTestId('version-item')).toHaveCount(1);
  const shot = await page.screenshot({ path: testInfo.outputPath('editor.png') });
  // The tracked README image changes only on request: ALMANAC_UPDATE_SCREENSHOT=1.
  if (process.env.ALMANAC_UPDATE_SCREENSHOT === '1') await writeFile(path.join(repoRoot, 'docs/screenshot.png'), shot);
});

test('delete an article and undo it from the toast', async ({ page, studio }) => {
  page.on('dialog', (d) => void d.accept());
  const file = path.join(studio.ws, 'articles/gift-cards.md');
  const before = await readFile(file, 'utf8');
  await page.goto(studio.url);
  await page.getByTestId('article-row').filter({ hasText: 'Gift cards' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('article-row').filter({ hasText: 'Gift cards' })).toHaveCount(0);
  await expect.poll(() => readFile(file, 'utf8').catch(() => 'gone')).toBe('gone');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('article-row').filter({ hasText: 'Gift cards' })).toHaveCount(1);
  await expect(page.getByTestId('article-body')).toContainText('gift card');
  await expect.poll(() => readFile(file, 'utf8')).toBe(before);
});
