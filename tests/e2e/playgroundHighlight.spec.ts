import type { Locator } from '@playwright/test';
import { expect, test } from './studio';

/** Each highlight with the characters just before and after it, and whether it is one whole word segment. */
function highlights(texts: Locator) {
  return texts.evaluateAll((paragraphs) =>
    paragraphs.flatMap((p) => {
      const full = p.textContent ?? '';
      const words = new Set<string>();
      for (const s of new Intl.Segmenter('zh', { granularity: 'word' }).segment(full))
        if (s.isWordLike) words.add(`${s.index}:${s.segment.length}`);
      let offset = 0;
      const found: { text: string; before: string; after: string; wholeWord: boolean }[] = [];
      for (const node of Array.from(p.childNodes)) {
        const text = node.textContent ?? '';
        if (node.nodeName === 'MARK')
          found.push({
            text,
            before: full.slice(offset - 1, offset),
            after: full.slice(offset + text.length, offset + text.length + 1),
            wholeWord: words.has(`${offset}:${text.length}`),
          });
        offset += text.length;
      }
      return found;
    }),
  );
}

test.beforeEach(async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Playground' }).click();
});

test('English: whole words and their inflections are highlighted, never letters inside a word', async ({ page }) => {
  await page.getByLabel('Ask what a customer would ask…').fill('how long does a refund take');
  const texts = page.getByTestId('search-result').locator('.result-text');
  await expect(texts.first()).toBeVisible();
  const marks = await highlights(texts);
  expect(marks.length).toBeGreaterThan(3);
  for (const mark of marks) {
    expect(mark.before, `"${mark.text}" starts inside a word`).not.toMatch(/[\p{L}\p{N}]/u);
    expect(mark.after, `"${mark.text}" ends inside a word`).not.toMatch(/[\p{L}\p{N}]/u);
    expect(mark.wholeWord).toBe(true);
  }
  const marked = new Set(marks.map((m) => m.text.toLowerCase()));
  expect(marked).toContain('refund');
  expect([...marked].some((w) => w === 'refunds' || w === 'refunded')).toBe(true);
  // Snippets are text: no Markdown markup reaches the reader.
  const shown = (await texts.allInnerTexts()).join('\n');
  expect(shown).toContain('payment method you used');
  expect(shown).not.toMatch(/\*\*|\]\(|^\s*\|/m);
});

test('Chinese: a query word is highlighted only where it stands as a word, not inside 退款', async ({ page }) => {
  await page.getByLabel('Ask what a customer would ask…').fill('退');
  const texts = page.getByTestId('search-result').locator('.result-text');
  await expect(texts.first()).toBeVisible();
  const marks = await highlights(texts);
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) {
    expect(mark.text).toBe('退');
    expect(mark.wholeWord, `"${mark.text}" before "${mark.after}" is part of a longer word`).toBe(true);
  }
  expect((await texts.allInnerTexts()).join('')).toContain('退款');
});
