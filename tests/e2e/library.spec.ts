import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { almanac, expect, startStudio, stopStudio, test, worstFrameGap } from './studio';

const count = 10_000;
const topics = ['refund', 'shipping', 'invoice', 'password', 'warranty'];

test('opens, scrolls and filters a library of 10,000 articles without freezing', async ({ page }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'almanac-e2e-'));
  const ws = path.join(dir, 'ws');
  almanac('init', ws);
  await mkdir(path.join(ws, 'articles'), { recursive: true });
  for (let i = 0; i < count; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - i) }, (_, j) => {
        const n = i + j;
        const zh = n % 4 === 0;
        const id = `gen-${String(n).padStart(5, '0')}`;
        const title = zh ? `第 ${n} 号文章：${topics[n % 5]} 说明` : `Article ${n} about ${topics[n % 5]}`;
        const text = `---\nid: ${id}\ntitle: "${title}"\ntags: [${topics[n % 5]}]\nlocale: ${zh ? 'zh-CN' : 'en'}\naudience: customer\nowner: owner-${n % 7}\nreviewBy: 2027-0${1 + (n % 9)}-15\n---\n\nBody of article ${n}. Keyword kw${n}.\n`;
        return writeFile(path.join(ws, 'articles', `${id}.md`), text);
      }),
    );
  }
  const studio = await startStudio(ws);
  try {
    const started = Date.now();
    await page.goto(studio.url);
    await expect(page.getByTestId('article-row').first()).toBeVisible({ timeout: 30_000 });
    const firstRenderMs = Date.now() - started;
    console.log(`10,000 articles: first row visible after ${firstRenderMs} ms`);
    expect(firstRenderMs).toBeLessThan(8_000);
    await expect(page.getByTestId('library-count')).toHaveText('10000 articles');
    expect(await page.getByTestId('article-row').count()).toBeLessThan(100);

    await page.getByLabel('Sort by').selectOption('title');
    const list = page.getByTestId('library-list');
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(page.getByTestId('article-row').filter({ hasText: '第 9996 号文章' })).toBeVisible();

    const frameGap = worstFrameGap(page, 1500);
    const typed = Date.now();
    await page.getByPlaceholder('Search titles and text…').pressSequentially('kw4242', { delay: 20 });
    await expect(page.getByTestId('article-row')).toHaveCount(1);
    const filterMs = Date.now() - typed;
    const worstFrameMs = await frameGap;
    console.log(`filter by text: ${filterMs} ms; worst frame gap while typing ${worstFrameMs.toFixed(0)} ms`);
    expect(filterMs).toBeLessThan(3_000);
    expect(worstFrameMs).toBeLessThan(500);
    await expect(page.getByTestId('article-row')).toContainText('Article 4242');

    await page.getByPlaceholder('Search titles and text…').fill('');
    await page.getByLabel('Filter by locale').selectOption('zh-CN');
    await expect(page.getByTestId('library-count')).toHaveText('2500 articles');
  } finally {
    await stopStudio(studio);
    await rm(dir, { recursive: true, force: true });
  }
});
