import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeEncoderModel } from '../fixtures/makeEncoderModel';
import { almanac, expect, startStudio, stopStudio, test, worstFrameGap } from './studio';

test('a question in the playground shows ranked chunks with scores; a result opens the highlighted passage', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Playground' }).click();
  await page.getByLabel('Ask what a customer would ask…').fill('how long does a refund take');
  const results = page.getByTestId('search-result');
  await expect(results.first()).toBeVisible();
  expect(await results.count()).toBeGreaterThan(3);
  await expect(results.first().getByTestId('scores')).toContainText('BM25 #1');
  await expect(page.getByText(/semantic search needs an embedding model|No embedding model/)).toBeVisible();
  await expect(results.first().locator('mark').first()).toBeVisible();

  const snippet = (await results.first().locator('.result-text').innerText()).replace(/…$/, '').slice(0, 30);
  await results.first().click();
  const highlight = page.locator('.passage-highlight').first();
  await expect(highlight).toBeVisible();
  await expect(page.getByTestId('article-body')).toContainText(
    snippet
      .split('\n')[0]!
      .replace(/^\s*\d+\.\s*/, '')
      .replace(/[#*|>`-]/g, '')
      .trim()
      .slice(0, 12),
  );

  await page.getByRole('button', { name: 'Playground' }).click();
  await page.getByLabel('Compare side by side').check();
  const columns = page.getByTestId('result-column');
  await expect(columns).toHaveCount(2);
  await columns.nth(1).getByLabel('Filter by locale').selectOption('zh-CN');
  await columns.nth(1).getByLabel('Filter by tag').selectOption('refunds');
  await page.getByLabel('Ask what a customer would ask…').fill('refund 退款 多久');
  // The query reaches English articles too: the unfiltered left column shows them.
  await expect(columns.first().locator('[data-testid="search-result"][data-locale="en"]').first()).toBeVisible();
  const zhResults = columns.nth(1).getByTestId('search-result');
  await expect(zhResults.first()).toBeVisible();
  const zhLocales = await zhResults.evaluateAll((items) => items.map((li) => li.getAttribute('data-locale')));
  expect(zhLocales.length).toBeGreaterThan(0);
  expect(zhLocales.every((l) => l === 'zh-CN')).toBe(true);
});

test('an edited article is found by its new text within seconds, without a manual re-index', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await page.getByTestId('article-row').filter({ hasText: 'Gift cards' }).click();
  const body = page.getByTestId('article-body');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Gift cards also work at the quokkafield pop-up store.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const saved = Date.now();
  await page.getByRole('button', { name: 'Playground' }).click();
  await page.getByLabel('Ask what a customer would ask…').fill('quokkafield');
  await expect(page.getByTestId('search-result').first()).toContainText('Gift cards', { timeout: 15_000 });
  const searchableMs = Date.now() - saved;
  console.log(`edit -> searchable: ${searchableMs} ms`);
  // Measured 1.7 s with the machine's 2 cores at load 16; the wait above is longer, so this can fail.
  expect(searchableMs).toBeLessThan(5_000);
});

test('typing in the editor stays smooth while a full index with embeddings runs', async ({ page }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'almanac-e2e-'));
  const ws = path.join(dir, 'ws');
  almanac('init', ws, '--sample');
  const model = await makeEncoderModel(path.join(dir, 'model'));
  const studio = await startStudio(ws, model);
  try {
    await page.goto(studio.url);
    const status = page.getByTestId('index-status');
    await expect(status).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
    await page.getByTestId('article-row').filter({ hasText: 'Refund policy' }).click();
    const body = page.getByTestId('article-body');
    await body.click();
    await page.keyboard.press('Control+End');

    // 2,000 articles arrive on disk (a sync tool, say): the studio indexes and embeds them all.
    const paragraph = 'Refunds go back to the card you paid with. Store credit is available on request. ';
    for (let i = 0; i < 2000; i += 250) {
      await Promise.all(
        Array.from({ length: 250 }, (_, j) =>
          writeFile(
            path.join(ws, 'articles', `bulk-${i + j}.md`),
            `---\nid: bulk-${i + j}\ntitle: Bulk article ${i + j}\nlocale: en\n---\n\n## Part one\n\n${paragraph.repeat(3)} ${i + j}\n\n## Part two\n\n${paragraph.repeat(2)} ${i + j}\n`,
          ),
        ),
      );
    }
    await expect(status).toHaveAttribute('data-state', /indexing|embedding/);
    const gaps = worstFrameGap(page, 2500);
    const typed = ' Typing while the index is built.';
    const started = Date.now();
    await page.keyboard.type(typed, { delay: 30 });
    await expect(body).toContainText(typed.trim());
    const typingMs = Date.now() - started;
    const worst = await gaps;
    console.log(
      `typed ${typed.length} keys in ${typingMs} ms while the index was ${await status.getAttribute('data-state')}; worst frame gap ${worst.toFixed(0)} ms`,
    );
    expect(worst).toBeLessThan(250);
    expect(typingMs).toBeLessThan(typed.length * 30 + 2000);
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await expect(status).toHaveAttribute('data-state', 'idle', { timeout: 90_000 });
    await expect(status).toContainText(/vectors (\d+)\/\1/);
  } finally {
    await stopStudio(studio);
    await rm(dir, { recursive: true, force: true });
  }
});
