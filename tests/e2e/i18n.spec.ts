import { expect, test } from './studio';

test('switches the UI between English and Chinese and remembers it', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(page.getByRole('button', { name: /New article/ })).toBeVisible();
  await page.getByLabel('Interface language').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: /新建文章/ })).toBeVisible();
  await expect(page.getByPlaceholder('搜索标题和正文…')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(page.getByRole('button', { name: /新建文章/ })).toBeVisible();
  await page.getByLabel('界面语言').selectOption('en');
  await expect(page.getByRole('button', { name: /New article/ })).toBeVisible();
});
