import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { almanac, expect, expectImagesSettled, test } from './studio';

test('imported HTML with script payloads is stored sanitised and never runs in the editor', async ({
  page,
  studio,
  workspace,
}) => {
  const html = path.join(workspace.dir, 'payload.html');
  await writeFile(
    html,
    `<html><head><title>Payload page</title><script>window.__xss = 1</script></head><body>
     <p>Safe text <img src="x" onerror="window.__xss = 2"></p>
     <p><a href="javascript:window.__xss = 3">click me</a> and <a href="https://example.com/ok">a real link</a></p>
     <svg onload="window.__xss = 4"></svg><iframe src="javascript:window.__xss = 5"></iframe></body></html>`,
  );
  almanac('import', studio.ws, html);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(studio.url);
  await page.getByTestId('article-row').filter({ hasText: 'Payload page' }).click();
  const body = page.getByTestId('article-body');
  await expect(body).toContainText('Safe text');
  await body.getByText('click me').click();
  await body.getByText('a real link').click();
  // Both clicks are handled once the cursor is in the second link, and the missing image has failed to
  // load (its error event has fired): a payload that could run would have run by then.
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('a')?.textContent))
    .toBe('a real link');
  await expectImagesSettled(body);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
  await expect(body.locator('a[href^="javascript:"]')).toHaveCount(0);
  // The sanitised <img src="x"> stays an image (a missing one); nothing that can run survives.
  await expect(body.locator('svg, iframe, script, [onerror], [onload], [onclick]')).toHaveCount(0);
  for (const img of await body.locator('img').all())
    expect((await img.getAttribute('src')) ?? '').not.toMatch(/^javascript:/i);
});

test('the HTTP bridge refuses requests without the token', async ({ request, studio }) => {
  const base = `http://127.0.0.1:${studio.port}`;
  expect((await request.post(`${base}/api/articles.list`, { data: {} })).status()).toBe(401);
  expect(
    (
      await request.post(`${base}/api/articles.list`, { data: {}, headers: { authorization: 'Bearer wrong' } })
    ).status(),
  ).toBe(401);
  const ok = await request.post(`${base}/api/articles.list`, {
    data: {},
    headers: { authorization: `Bearer ${studio.token}` },
  });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
  const csp = (await request.get(base)).headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
});

test('an edit made outside the app shows up in the library and the open editor', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByTestId('article-row').filter({ hasText: 'Refund policy' }).click();
  await expect(page.getByTestId('article-body')).toContainText('refund');
  await writeFile(
    path.join(studio.ws, 'articles/refund-policy.md'),
    '---\nid: refund-policy\ntitle: Refund policy (edited outside)\ntags: [refunds]\nlocale: en\naudience: customer\nowner: mei.chen\nreviewBy: 2027-03-31\n---\n\nRefunds now take three days.\n',
  );
  await expect(page.getByTestId('article-row').filter({ hasText: 'Refund policy (edited outside)' })).toBeVisible();
  await expect(page.getByTestId('article-body')).toContainText('Refunds now take three days.');
});
