import type { Page } from '@playwright/test';
import { expect, test } from './studio';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'views' }).getByRole('button', { name, exact: true });

test('every place has a URL: a reload comes back to it and the back button returns to the place before', async ({
  page,
  studio,
}) => {
  await page.goto(studio.url);
  await page.getByTestId('article-row').filter({ hasText: 'Refund policy' }).first().click();
  await expect(page.locator('.editor-title')).toHaveText('Refund policy');
  await expect(page).toHaveURL(/#\/article\/refund-policy$/);
  await page.reload();
  await expect(page.locator('.editor-title')).toHaveText('Refund policy');

  await nav(page, 'Insights').click();
  await page.getByRole('tab', { name: 'Content gaps' }).click();
  await expect(page).toHaveURL(/#\/insights\/gaps$/);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Content gaps' })).toHaveAttribute('aria-selected', 'true');

  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(page.locator('.editor-title')).toHaveText('Refund policy');
  await page.goForward();
  await expect(page.getByTestId('insights-view')).toBeVisible();

  // A review has its URL too.
  await page
    .getByRole('navigation', { name: 'views' })
    .getByRole('button', { name: /Review/ })
    .click();
  await page.getByTestId('queue-item').filter({ hasText: 'Gift cards' }).click();
  await expect(page).toHaveURL(/#\/review\/gift-cards$/);
  await page.reload();
  await expect(page.getByTestId('queue-detail')).toContainText('Gift cards');
  await expect(page.getByTestId('queue-item').filter({ hasText: 'Gift cards' })).toHaveAttribute(
    'aria-current',
    'true',
  );

  // A link straight to an article opens it (a bookmark, a link in a chat).
  await page.goto(`${studio.url.split('#')[0]}#/article/gift-cards`);
  await expect(page.locator('.editor-title')).toHaveText('Gift cards');
});
