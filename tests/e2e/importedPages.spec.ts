import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { almanac, expect, expectImagesSettled, test } from './studio';

const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('Markdown with script payloads imports safe and runs nothing in the editor', async ({
  page,
  studio,
  workspace,
}) => {
  const file = path.join(workspace.dir, 'hostile.md');
  await writeFile(
    file,
    [
      '# Hostile markdown',
      '',
      'Safe words <img src=x onerror="window.__xss = 1"> and <b onmouseover="window.__xss = 2">bold</b>.',
      '',
      '<script>window.__xss = 3</script>',
      '',
      '<iframe src="javascript:window.__xss = 4"></iframe>',
      '',
      '[click me](javascript:window.__xss=5) and [encoded](&#106;avascript:window.__xss=6)',
    ].join('\n'),
  );
  almanac('import', studio.ws, file);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(studio.url);
  await page.getByTestId('article-row').filter({ hasText: 'Hostile markdown' }).click();
  const body = page.getByTestId('article-body');
  await expect(body).toContainText('Safe words');
  await body.getByText('bold').hover();
  await body.getByText('click me').click();
  // The click is handled once the cursor is in the link text, and the missing image has failed to load
  // (its error event has fired): a payload that could run would have run by then.
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.textContent ?? ''))
    .toContain('click me');
  await expectImagesSettled(body);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
  await expect(body.locator('a[href^="javascript:"], script, iframe, [onerror], [onmouseover]')).toHaveCount(0);
});

test('an imported page shows its local screenshots, reports the missing one, and takes a pasted image', async ({
  page,
  studio,
  workspace,
}) => {
  const site = path.join(workspace.dir, 'help');
  await mkdir(path.join(site, 'img'), { recursive: true });
  for (const name of ['login.png', 'menu.png', 'done.png']) await writeFile(path.join(site, 'img', name), pixel);
  await writeFile(
    path.join(site, 'screens.md'),
    '# Screenshots tour\n\nFirst ![Login](img/login.png) then ![Menu](img/menu.png).\n\n![Done](img/done.png)\n\n![Gone](img/gone.png)\n',
  );
  const res = almanac('import', studio.ws, site, '--json');
  const report = JSON.parse(res.stdout) as { imported: { id: string; notes?: string[] }[] };
  expect(report.imported[0]!.notes).toEqual(['missing image: img/gone.png']);

  await page.goto(studio.url);
  await page.getByTestId('article-row').filter({ hasText: 'Screenshots tour' }).click();
  const body = page.getByTestId('article-body');
  const shown = body.locator('img[src^="data:image/png"]');
  await expect(shown).toHaveCount(3);
  for (const img of await shown.all())
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);

  await body.getByText('First').click();
  await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'pasted shot.png', { type: 'image/png' }));
    const target = document.querySelector('[data-testid="article-body"]')!;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, pixel.toString('base64'));
  await expect(body.locator('img[src^="data:image/png"]')).toHaveCount(4);
  await expect
    .poll(() => readdir(path.join(studio.ws, 'assets/screens')).then((f) => f.sort()))
    .toEqual(['done.png', 'login.png', 'menu.png', 'pasted-shot.png']);
});
