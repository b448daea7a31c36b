import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './studio';

async function openCustoms(page: Page) {
  await page.getByLabel('Search titles and text…').fill('Customs, duties');
  await page.getByTestId('article-row').filter({ hasText: 'Customs, duties' }).click();
  await expect(page.getByTestId('article-body')).toContainText('How we declare your parcel');
}

/** Put the caret at the end of `target` and replace its last word. */
async function replaceLastWord(page: Page, target: Locator, word: string) {
  await target.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.type(word);
}

test('the rendered diff marks changed words inside a table and a heading', async ({ page, studio }, testInfo) => {
  const file = path.join(studio.ws, 'articles/customs-and-duties.md');
  await page.goto(studio.url);
  await openCustoms(page);
  const body = page.getByTestId('article-body');
  await replaceLastWord(page, body.getByRole('heading', { name: 'Who pays and when' }), 'how');
  await replaceLastWord(page, body.locator('td').filter({ hasText: /^Usually none$/ }), 'zero');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect.poll(() => readFile(file, 'utf8')).toContain('Usually zero');
  expect(await readFile(file, 'utf8')).toContain('## Who pays and how');

  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByTestId('history-panel');
  await history.getByRole('button', { name: 'Rendered' }).click();
  const rendered = history.getByTestId('diff-rendered');

  const row = rendered.locator('table tr[data-kind="changed"]');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(0)).toHaveText('Hong Kong and Macao');
  await expect(row.locator('del')).toHaveText('none');
  await expect(row.locator('ins')).toHaveText('zero');
  await expect(rendered.locator('table tr[data-kind="unchanged"]').first()).toContainText('Destination');

  const heading = rendered.locator('[data-kind="changed"] h2');
  await expect(heading).toHaveCount(1);
  await expect(heading.locator('del')).toHaveText('when');
  await expect(heading.locator('ins')).toHaveText('how');

  await rendered
    .getByRole('button', { name: /unchanged block/ })
    .first()
    .click();
  await expect(rendered.locator('strong').filter({ hasText: '14 days' })).toHaveCount(1);
  const text = await rendered.innerText();
  expect(text).toContain('If customs holds your parcel');
  expect(text).not.toContain('**');
  expect(text).not.toContain('|');
  await rendered.screenshot({ path: testInfo.outputPath('rendered-diff.png') });
  await page.screenshot({ path: testInfo.outputPath('history-panel.png') });

  // The choice of view lasts for the session: closing the panel and reloading keep it.
  await history.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await openCustoms(page);
  await page.getByRole('button', { name: 'History' }).click();
  await expect(history.getByRole('button', { name: 'Rendered' })).toHaveAttribute('aria-pressed', 'true');
  await expect(history.getByTestId('diff-rendered')).toBeVisible();
  await history.getByRole('button', { name: 'Source' }).click();
  await expect(history.locator('pre.diff-body')).toContainText('| Hong Kong and Macao');
});

test('a restored version has its own commit and says whose text it brought back', async ({ page, studio }) => {
  page.on('dialog', (d) => void d.accept());
  await page.goto(studio.url);
  await openCustoms(page);
  const body = page.getByTestId('article-body');
  await replaceLastWord(page, body.getByRole('heading', { name: 'Who pays and when' }), 'how');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  await page.keyboard.press('Control+s');
  await page.getByRole('dialog').getByLabel('What changed?').fill('Heading wording');
  await page.getByRole('dialog').getByRole('button', { name: 'Save version' }).click();
  const saved = page.getByText('Version saved.');
  await expect(saved).toBeVisible();
  // A notice belongs to its page: switching view clears it well before its 4 s are up.
  await page.getByRole('button', { name: 'Playground' }).click();
  await expect(saved).toHaveCount(0, { timeout: 1500 });
  await page.getByRole('button', { name: 'Library' }).click();

  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByTestId('history-panel');
  const items = history.getByTestId('version-item');
  await expect(items).toHaveCount(2);
  await items.nth(1).getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByText('Version restored.')).toBeVisible();
  await expect(body.getByRole('heading', { name: 'Who pays and when' })).toBeVisible();

  await page.getByRole('button', { name: 'History' }).click();
  await expect(items).toHaveCount(3);
  const [restored, changed, first] = await Promise.all([0, 1, 2].map((i) => items.nth(i).getAttribute('data-commit')));
  expect(new Set([restored, changed, first]).size).toBe(3);
  await expect(items.nth(0)).toContainText(restored!.slice(0, 7));
  await expect(items.nth(0).getByTestId('version-same')).toHaveText(`Same text as ${first!.slice(0, 7)}, restored`);
  await expect(items.nth(1).getByTestId('version-same')).toHaveCount(0);

  await history.getByLabel('From').selectOption(first!);
  await history.getByLabel('To').selectOption(changed!);
  await expect(history.locator('pre.diff-body del').filter({ hasText: /^when$/ })).toHaveCount(1);
  await history.getByLabel('To').selectOption(restored!);
  await expect(history.getByTestId('diff-same')).toHaveText(
    `${first!.slice(0, 7)} and ${restored!.slice(0, 7)} have the same text.`,
  );
});

test('library dates fit their column and show the full date on hover', async ({ page, studio }) => {
  await page.goto(studio.url);
  const row = page.getByTestId('article-row').first();
  const date = row.locator('.updated');
  await expect(date).toHaveText(/ago|this minute|yesterday/);
  await expect(date).toHaveAttribute('title', /\d{4}/);
  const [dateBox, metaBox] = await Promise.all([date.boundingBox(), row.locator('.row-meta').boundingBox()]);
  expect(dateBox!.x + dateBox!.width).toBeLessThanOrEqual(metaBox!.x + metaBox!.width + 0.5);
  expect(await date.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});
