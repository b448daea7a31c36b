import type { Page } from '@playwright/test';
import { expect, test } from './studio';

/** Count the page's requests to the event stream, which must stay closed without a token. */
function countEventStreams(page: Page): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/events') n++;
  });
  return () => n;
}

/** Count the page's bridge calls (POST /api/<route>). */
function countBridgeCalls(page: Page): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/api/')) n++;
  });
  return () => n;
}

test('without its token the studio says how to open it; the tokened hash loads it without a reload', async ({
  page,
  studio,
}) => {
  const eventStreams = countEventStreams(page);
  const bridgeCalls = countBridgeCalls(page);
  await page.goto(`http://127.0.0.1:${studio.port}/`);
  const noToken = page.getByTestId('no-token');
  // Without a token the page decides at once (the token page, not its "checking" state) and asks the server nothing.
  await expect(noToken).toContainText('npm start');
  await expect(noToken).toContainText(`http://127.0.0.1:${studio.port}/#token=`);
  expect(bridgeCalls()).toBe(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('article-row')).toHaveCount(0);
  expect(eventStreams()).toBe(0);

  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await page.evaluate((token) => (location.hash = `#token=${token}`), studio.token);
  await expect(page.getByTestId('article-row').first()).toBeVisible();
  expect(await page.getByTestId('article-row').count()).toBeGreaterThan(5);
  await expect(noToken).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect(eventStreams()).toBeGreaterThan(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a wrong token shows the same page, with no error toast and no retried event stream', async ({ page, studio }) => {
  const eventStreams = countEventStreams(page);
  const refused = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/workspace.info' && r.status() === 401,
  );
  await page.goto(`http://127.0.0.1:${studio.port}/#token=not-the-token`);
  // The check is over: the server turned the token away, the page dropped it and shows the token page.
  await refused;
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('almanac.token'))).toBeNull();
  await expect(page.getByTestId('no-token')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(eventStreams()).toBe(0);
});

test('index.html and the HTTP header carry the same CSP, from one source', async ({ page, request, studio }) => {
  const header = (await request.get(`http://127.0.0.1:${studio.port}/`)).headers()['content-security-policy'];
  await page.goto(studio.url);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
  // frame-ancestors is the one directive a <meta> cannot carry.
  expect(`${meta}; frame-ancestors 'none'`).toBe(header);
});
