import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, selectPassage, test } from './studio';

test.use({ viewport: { width: 1280, height: 800 } });

const image = '![Return label](../assets/return-policy/return-label.png)';

const reviewView = (page: Page) =>
  page.getByRole('navigation', { name: 'views' }).getByRole('button', { name: /Review/ });

async function becomeMember(page: Page, name: string) {
  await page.getByTestId('identity').click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Switch to ${name}` })
    .click();
  await expect(page.getByTestId('identity')).toContainText(`Signed in as ${name}`);
}

async function openArticle(page: Page, title: string) {
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByLabel('Search titles and text…').fill(title);
  await page.getByTestId('article-row').filter({ hasText: title }).click();
  await expect(page.locator('.editor-header')).toContainText(title);
}

/** Select `text` inside the rendered version, as a reviewer dragging over it would. */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const registry = CSS.highlights as unknown as Map<string, Set<Range>>;
    return [...(registry.get('review-passage') ?? [])].map((r) => r.toString());
  });

test('a reviewer sees tables, images and the changed cell; comments are highlighted; own work is not theirs to judge', async ({
  page,
  studio,
}, testInfo) => {
  // Mei re-pads the returns table (as a Markdown formatter would) and adds an image, then edits one cell.
  const file = path.join(studio.ws, 'articles/return-policy.md');
  await mkdir(path.join(studio.ws, 'assets/return-policy'), { recursive: true });
  await copyFile(
    path.join(repoRoot, 'tests/fixtures/sites/jekyll/assets/logo.png'),
    path.join(studio.ws, 'assets/return-policy/return-label.png'),
  );
  const text = (await readFile(file, 'utf8'))
    .replace(/^\|.*\|$/gm, (row) => row.replace(/ \| /g, '   |   '))
    .replace('## What happens next', `${image}\n\n## What happens next`);
  await writeFile(file, text);

  await page.goto(studio.url);
  await expect(page.getByTestId('identity')).toContainText('Signed in as Mei Chen');
  await openArticle(page, 'Returns policy');
  const body = page.getByTestId('article-body');
  await expect(body.locator('img[alt="Return label"]')).toHaveCount(1);
  const cell = body.locator('td').filter({ hasText: /^Change of mind$/ });
  await cell.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.type('heart');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect.poll(() => readFile(file, 'utf8')).toContain('| Change of heart ');
  const panel = page.getByTestId('review-panel');
  await panel.getByRole('button', { name: /Submit for review/ }).click();
  await expect(page.locator('.editor-header').getByTestId('status-badge')).toHaveText('In review');
  // Only the member who submitted may withdraw.
  await expect(panel.getByRole('button', { name: 'Withdraw' })).toBeVisible();

  // A first review too: the escalation guide was never approved, so its whole text is shown.
  await openArticle(page, 'Escalation guide');
  await panel.getByRole('button', { name: /Submit for review/ }).click();
  await expect(page.locator('.editor-header').getByTestId('status-badge')).toHaveText('In review');

  // Mei's own versions wait in the queue, but she is not offered their approval.
  await reviewView(page).click();
  const detail = page.getByTestId('queue-detail');
  await page.getByTestId('queue-item').filter({ hasText: 'Returns policy' }).click();
  await expect(detail.getByTestId('own-version')).toBeVisible();
  await expect(detail.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: /^Request changes/ })).toHaveCount(0);
  await page.keyboard.press('a');
  await expect(page.getByTestId('compose')).toHaveCount(0);

  // Mei requested changes on Li's customs article: that request is not hers to answer.
  const attention = page.getByTestId('attention');
  await expect(attention).toBeVisible();
  await expect(page.getByTestId('attention-item').filter({ hasText: 'Customs' })).toHaveCount(0);

  await becomeMember(page, 'Li Na');
  // Li owns the customs article: she sees it, with its badge once and every cut text in full on hover.
  const customs = page.getByTestId('attention-item').filter({ hasText: 'Customs' });
  await expect(customs).toHaveCount(1);
  await expect(customs.getByText('Changes requested', { exact: true })).toHaveCount(1);
  for (const reason of await customs.locator('.reason').all()) {
    await expect(reason).toHaveAttribute('title', (await reason.textContent())!);
  }
  await expect(customs.locator('.row-title')).toHaveAttribute('title', /Customs, duties/);

  await page.getByTestId('queue-item').filter({ hasText: 'Escalation guide' }).click();
  await expect(detail).toContainText('first review');
  await detail.getByRole('button', { name: 'Rendered' }).click();
  const whole = detail.getByTestId('version-text').getByTestId('diff-rendered');
  await expect(whole.locator('td').filter({ hasText: /^Product Safety$/ })).toHaveCount(1);
  await expect(whole.locator('th').filter({ hasText: /^Queue$/ })).toHaveCount(1);

  await page.getByTestId('queue-item').filter({ hasText: 'Returns policy' }).click();
  await expect(detail.getByTestId('own-version')).toHaveCount(0);
  await expect(detail.getByRole('button', { name: /^Approve/ })).toBeVisible();
  const rendered = detail.getByTestId('diff-rendered');
  await rendered
    .getByRole('button', { name: /unchanged block/ })
    .first()
    .click();
  await expect(rendered.locator('td').filter({ hasText: /^Faulty, damaged or wrong item$/ })).toHaveCount(1);
  const changed = rendered.locator('tr[data-kind="changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed.locator('td').nth(1)).toHaveText('15 CNY, deducted from the refund');
  await expect(changed.locator('del')).toHaveText('mind');
  await expect(changed.locator('ins')).toHaveText('heart');
  const img = rendered.locator('img[alt="Return label"]');
  await expect(img).toHaveCount(1);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  await img.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('rendered-diff.png') });

  await selectPassage(detail, 'Faulty, damaged or wrong item');
  await page.getByRole('button', { name: 'Comment on this passage' }).click();
  const compose = page.getByTestId('compose');
  await compose.getByLabel('Note').fill('Does this include items damaged by the courier?');
  await compose.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Comment posted.')).toBeVisible();
  await expect.poll(() => highlighted(page)).toEqual(['Faulty, damaged or wrong item']);

  // The source diff marks the one changed cell, not the re-padded table, and wraps inside the panel.
  await detail.getByRole('button', { name: 'Source' }).click();
  const source = detail.getByTestId('diff-source');
  await expect(source.getByTestId('diff-cell-changed')).toHaveCount(1);
  await expect(source.getByTestId('diff-cell-changed')).toHaveText('Change of mindheart');
  await expect(source.locator('del')).toHaveText(['mind']);
  await expect(source.locator('ins')).toHaveText(['heart', image]);
  await expect(source).toContainText('| Faulty, damaged or wrong item | Free | Free | Free |');
  expect(await source.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect.poll(() => highlighted(page)).toEqual(['Faulty, damaged or wrong item']);
  await source.getByTestId('diff-cell-changed').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('source-diff.png') });

  // Li did not submit Mei's version: she is not offered its withdrawal.
  await openArticle(page, 'Returns policy');
  await expect(panel.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);

  await reviewView(page).click();
  await page.getByTestId('queue-item').filter({ hasText: 'Returns policy' }).click();
  await expect(page.getByTestId('queue-detail')).toContainText('Returns policy');
  await page.keyboard.press('r');
  await expect(compose.getByRole('heading', { name: 'Request changes' })).toBeVisible();
  await compose.getByLabel('Note').fill('Say whether courier damage counts as faulty.');
  await compose.getByRole('button', { name: 'Request changes' }).click();
  await expect(page.getByText('Changes requested.')).toBeVisible();
  await expect(page.getByTestId('attention-item').filter({ hasText: 'Customs' })).toHaveCount(1);
  await expect(page.getByTestId('attention-item').filter({ hasText: 'Returns policy' })).toHaveCount(0);
  await page.getByTestId('attention').screenshot({ path: testInfo.outputPath('attention.png') });
});
