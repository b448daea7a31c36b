import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './studio';

/** Lines of `after` that differ from `before`, by line number (both must have the same lines). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return b.filter((line, i) => line !== a[i]);
}

test('typing one sentence into an approved article changes one line on disk', async ({ page, studio }) => {
  const file = path.join(studio.ws, 'articles/refund-policy.md');
  const before = await readFile(file, 'utf8');
  await page.goto(studio.url);
  await page.getByTestId('article-row').filter({ hasText: 'Refund policy' }).click();
  const body = page.getByTestId('article-body');
  await expect(body).toContainText('Account > Orders');

  // The caret at the end of the paragraph below the first table: a click right of its last line.
  const paragraph = body.locator('p').filter({ hasText: 'means the money has left us' });
  const box = (await paragraph.boundingBox())!;
  await paragraph.click({ position: { x: box.width - 2, y: box.height - 4 } });
  await page.keyboard.type(' Weekends are not business days.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect.poll(() => readFile(file, 'utf8')).toContain('Weekends are not business days.');

  const after = await readFile(file, 'utf8');
  expect(changedLines(before, after)).toEqual([
    '*Issued* means the money has left us. Your bank or wallet then needs some time to show it. Weekends are not business days.',
  ]);
  expect(after).toContain('open **Account > Orders** and');
  expect(after).not.toContain('&gt;');
});

test('HTML, alerts, footnotes, shortcodes and CJK text survive an edit next to them', async ({ page, studio }) => {
  const file = path.join(studio.ws, 'articles/lossless-mix.md');
  const before = [
    '---',
    'id: lossless-mix',
    'title: Lossless mix',
    'tags: [refunds]',
    'locale: en',
    'audience: customer',
    'owner: mei.chen',
    '---',
    '',
    'Open **Account > Orders** & choose `<order-id>`; press <kbd>Ctrl</kbd>+<kbd>F</kbd> to search.',
    '',
    '> [!NOTE]',
    '> Refunds go back to the card you paid with.[^card]',
    '',
    '<details>',
    '<summary>Why does it take so long?</summary>',
    '',
    'Banks batch refunds once a day.',
    '',
    '</details>',
    '',
    '| Method | Days |',
    '|:-------|-----:|',
    '| Card   | 5–10 |',
    '| Alipay | 1–3  |',
    '',
    '请在「设置 → 安全」中修改密码。',
    '',
    '{{< alert color="info" >}}Refunds go back to the original payment method.{{< /alert >}}',
    '',
    'Type a sentence here.',
    '',
    '[^card]: Or to the gift card balance.',
    '',
  ].join('\n');
  await writeFile(file, before);
  await page.goto(studio.url);
  await page.getByTestId('article-row').filter({ hasText: 'Lossless mix' }).click();
  const body = page.getByTestId('article-body');
  await expect(body).toContainText('Type a sentence here.');

  for (const [text, typed] of [
    ['Type a sentence here.', ' It is saved as typed.'],
    ['to search.', ' Or use the menu.'],
  ]) {
    const paragraph = body.locator('p').filter({ hasText: text });
    const box = (await paragraph.boundingBox())!;
    await paragraph.click({ position: { x: box.width - 2, y: box.height - 4 } });
    await page.keyboard.type(typed!);
  }
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect.poll(() => readFile(file, 'utf8')).toContain('Or use the menu.');

  expect(changedLines(before, await readFile(file, 'utf8'))).toEqual([
    'Open **Account > Orders** & choose `<order-id>`; press <kbd>Ctrl</kbd>+<kbd>F</kbd> to search. Or use the menu.',
    'Type a sentence here. It is saved as typed.',
  ]);
});
