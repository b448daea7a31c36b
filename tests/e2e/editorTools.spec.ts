import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './studio';

async function openArticle(page: Page, url: string, title: string) {
  await page.goto(url);
  await page.getByLabel('Search titles and text…').fill(title);
  await page.getByTestId('article-row').filter({ hasText: title }).click();
  await expect(page.locator('.editor-title')).toHaveText(title);
}

/** Put the caret at the end of the editor paragraph containing `text`. */
async function caretAfter(page: Page, text: string) {
  const paragraph = page.getByTestId('article-body').locator('p').filter({ hasText: text });
  const box = (await paragraph.boundingBox())!;
  await paragraph.click({ position: { x: box.width - 2, y: box.height - 4 } });
  await page.keyboard.press('End');
}

/** The rows of the first Markdown table in `markdown` after `heading`, each row's trimmed cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.slice(markdown.indexOf(heading)).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start, end).map((l) =>
    l
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim()),
  );
}

const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

test('link to another article through the picker, then change and remove the link', async ({ page, studio }) => {
  const file = path.join(studio.ws, 'articles/gift-cards.md');
  const title = 'Exchanging an item for another colour, size or finish';
  await openArticle(page, studio.url, 'Gift cards');
  await caretAfter(page, 'which lamp they would pick.');
  await page.keyboard.type(' See ');

  // Mod-K opens the link editor, not the studio's quick open.
  await page.keyboard.press('Control+k');
  const popover = page.getByRole('dialog', { name: 'Edit link' });
  await expect(popover).toBeVisible();
  await expect(page.getByLabel('Type to find an article…')).toHaveCount(0);
  const picker = popover.getByRole('combobox', { name: 'Or link to an article' });
  await picker.fill('exchanging');
  const options = popover.getByRole('option');
  await expect(options.first()).toContainText(title);
  await picker.press('ArrowDown');
  await picker.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await picker.press('Enter');
  await expect(popover).toHaveCount(0);
  await page.keyboard.type('.');

  const link = page.getByTestId('article-body').locator('a[href="exchanges.md"]');
  await expect(link).toHaveText(title);
  await saved(page);
  await expect
    .poll(() => readFile(file, 'utf8'))
    .toContain(`which lamp they would pick. See [${title}](exchanges.md).`);

  // The link's address is prefilled; Escape closes without a change.
  await link.click();
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(popover.getByLabel('Link address')).toHaveValue('exchanges.md');
  await expect(popover).toContainText(`Links to the article “${title}”`);
  await popover.getByLabel('Link address').press('Escape');
  await expect(popover).toHaveCount(0);

  // A web address replaces it; an unsafe one is refused.
  await link.click();
  await page.keyboard.press('Control+k');
  const address = popover.getByLabel('Link address');
  await address.fill('javascript:alert(1)');
  await address.press('Enter');
  await expect(popover.getByRole('alert')).toBeVisible();
  await address.fill('https://example.com/exchanges');
  await address.press('Enter');
  await expect(popover).toHaveCount(0);
  await saved(page);
  await expect.poll(() => readFile(file, 'utf8')).toContain(`See [${title}](https://example.com/exchanges).`);

  await page.getByTestId('article-body').locator('a[href="https://example.com/exchanges"]').click();
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await popover.getByRole('button', { name: 'Remove link' }).click();
  await expect(page.getByTestId('article-body').locator('a', { hasText: title })).toHaveCount(0);
  await saved(page);
  await expect.poll(() => readFile(file, 'utf8')).toContain(`which lamp they would pick. See ${title}.`);
});

test('add and remove table columns and rows; the file keeps a GFM table', async ({ page, studio }) => {
  const file = path.join(studio.ws, 'articles/payment-methods.md');
  const before = await readFile(file, 'utf8');
  await openArticle(page, studio.url, 'Payment methods and failed payments');
  const tools = page.getByRole('group', { name: 'Table rows and columns' });
  await expect(tools).toHaveCount(0);

  const body = page.getByTestId('article-body');
  await body.locator('td').filter({ hasText: 'WeChat Pay' }).click();
  await expect(tools).toBeVisible();
  await tools.getByRole('button', { name: 'Add column to the right' }).click();
  await body.locator('th').nth(1).click();
  await expect(tools.getByRole('button', { name: 'Add row above' })).toBeDisabled();
  await expect(tools.getByRole('button', { name: 'Delete row' })).toBeDisabled();
  await page.keyboard.type('Fee');
  await body.locator('td').filter({ hasText: 'PayPal' }).locator('xpath=following-sibling::td[1]').click();
  await page.keyboard.type('2%');
  await body.locator('th').filter({ hasText: 'International orders (USD)' }).click();
  await tools.getByRole('button', { name: 'Delete column' }).click();
  await body.locator('td').filter({ hasText: 'American Express' }).click();
  await tools.getByRole('button', { name: 'Delete row' }).click();
  await saved(page);
  await expect.poll(() => readFile(file, 'utf8')).toContain('2%');

  const after = await readFile(file, 'utf8');
  const table = tableAfter(after, '');
  expect(table[0]).toEqual(['Method', 'Fee', 'Mainland China orders (CNY)']);
  expect(table[1]!.every((c) => /^:?-{3,}:?$/.test(c))).toBe(true);
  expect(table.every((row) => row.length === 3)).toBe(true);
  expect(table.slice(2).map((row) => row[0])).toEqual(
    tableAfter(before, '')
      .slice(2)
      .map((row) => row[0])
      .filter((m) => m !== 'American Express'),
  );
  expect(table.find((row) => row[0] === 'PayPal')).toEqual(['PayPal', '2%', 'No']);
  // Rows keep the table's compact style, and only the table changed.
  expect(after).toContain('| Alipay |  | Yes |\n');
  expect(after.replace(/\n\|.*(?=\n)/g, '')).toBe(before.replace(/\n\|.*(?=\n)/g, ''));

  // After a reload the editor reads the same table back.
  await openArticle(page, studio.url, 'Payment methods and failed payments');
  await expect(body.locator('th')).toHaveText(['Method', 'Fee', 'Mainland China orders (CNY)']);
});

test('set a summary and see it in the front matter', async ({ page, studio }) => {
  const file = path.join(studio.ws, 'articles/gift-cards.md');
  await openArticle(page, studio.url, 'Gift cards');
  const summary = page.getByLabel('Summary', { exact: true });
  await expect(summary).toHaveValue('');
  await summary.fill('How to buy, use and check the balance of a gift card');
  await saved(page);
  await expect
    .poll(() => readFile(file, 'utf8'))
    .toMatch(
      /^---\nid: gift-cards\ntitle: Gift cards\nsummary: How to buy, use and check the balance of a gift card\n/,
    );

  await openArticle(page, studio.url, 'Gift cards');
  await expect(page.getByLabel('Summary', { exact: true })).toHaveValue(
    'How to buy, use and check the balance of a gift card',
  );
  await page.getByLabel('Summary', { exact: true }).fill('');
  await saved(page);
  await expect.poll(() => readFile(file, 'utf8')).not.toContain('summary:');
});
