import type { Page } from '@playwright/test';
import { expect, test } from './studio';

const views = {
  en: ['Library', 'Playground', 'Preview', 'Review', 'Publish', 'Insights', 'Quality', 'Team'],
  'zh-CN': ['知识库', '检索演练', '回答预览', '审核', '发布', '洞察', '质量', '团队'],
} as const;

/** Text in the top bar, queue cards and tables that is cut must end in an ellipsis and carry its full text as a title. */
async function cutTextWithoutTooltip(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const selectors = ['.topbar *', '.queue-item *', 'table td', 'table th', '.attention-card *'];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selectors.join(',')))) {
      if (!el.offsetParent || el.children.length > 0 || !el.textContent?.trim()) continue;
      const style = getComputedStyle(el);
      const cut = el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible';
      if (!cut) continue;
      const titled = Boolean(el.closest('[title]')?.getAttribute('title'));
      if (style.textOverflow !== 'ellipsis' || !titled) out.push(el.textContent.trim().slice(0, 60));
    }
    return out;
  });
}

/** What each view shows once its data is in, in the order of the top bar (the same in both languages). */
function loaded(page: Page) {
  return [
    page.getByTestId('article-row').first(),
    page.locator('.playground .columns'),
    page.locator('.preview'),
    page.getByTestId('queue-item').or(page.getByTestId('queue-empty')).first(),
    page.getByTestId('target').or(page.getByTestId('targets-empty')).or(page.getByTestId('targets-problem')).first(),
    page.getByTestId('insights-view'),
    page.getByTestId('golden-set').first(),
    page.getByTestId('audit-verdict'),
  ];
}

/** How many of the page's bridge calls (POST /api/<route>) are still unanswered. */
function pendingBridgeCalls(page: Page): () => number {
  const pending = new Set<unknown>();
  const isCall = (r: { method(): string; url(): string }) =>
    r.method() === 'POST' && new URL(r.url()).pathname.startsWith('/api/');
  page.on('request', (r) => void (isCall(r) && pending.add(r)));
  page.on('requestfinished', (r) => void pending.delete(r));
  page.on('requestfailed', (r) => void pending.delete(r));
  return () => pending.size;
}

for (const [width, height] of [
  [1280, 800],
  [1920, 1080],
] as const) {
  for (const language of ['en', 'zh-CN'] as const) {
    test(`every top-level view fits ${width}×${height} in ${language}, signed in`, async ({ page, studio }) => {
      await page.setViewportSize({ width, height });
      const pending = pendingBridgeCalls(page);
      await page.goto(studio.url);
      await expect(page.getByTestId('identity')).toContainText(/Mei Chen/);
      if (language === 'zh-CN') await page.getByLabel('Interface language').selectOption('zh-CN');
      for (const [at, name] of views[language].entries()) {
        // From the start of the name: "Review" (with its count badge), not "Preview".
        const button = page
          .getByRole('navigation', { name: 'views' })
          .getByRole('button', { name: new RegExp(`^${name}`) });
        await button.click();
        // Measured once the view is shown with its data and every bridge call it made is answered.
        await expect(button).toHaveAttribute('aria-pressed', 'true');
        await expect(loaded(page)[at]!).toBeVisible();
        await expect.poll(pending).toBe(0);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${name}: page is ${scrollWidth} px wide`).toBeLessThanOrEqual(width);
        expect(await cutTextWithoutTooltip(page), `${name}: text cut without an ellipsis and a tooltip`).toEqual([]);
        // Every control of the top bar (language menu and Quick open last) is inside the window.
        const outside = await page.evaluate(() =>
          Array.from(document.querySelectorAll('.topbar > *'))
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth)
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        expect(outside, `${name}: top bar controls off screen`).toEqual([]);
      }
    });
  }
}
