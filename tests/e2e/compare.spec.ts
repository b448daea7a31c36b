import { expect, test } from './studio';

test.use({ viewport: { width: 1280, height: 800 } });

test('side by side at 1280 × 800 keeps both columns and their controls inside the window', async ({
  page,
  studio,
}, testInfo) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Playground' }).click();
  await page.getByLabel('Compare side by side').check();
  await page.getByLabel('Ask what a customer would ask…').fill('how long does a refund take');
  const columns = page.getByTestId('result-column');
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(1).getByTestId('search-result').first()).toBeVisible();
  const width = page.viewportSize()!.width;
  for (const column of await columns.all()) {
    const box = (await column.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    for (const control of await column.locator('select').all()) {
      const c = (await control.boundingBox())!;
      expect(c.x + c.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await page.screenshot({ path: testInfo.outputPath('compare-1280.png') });
});
