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

  // The versions the history compares are in the URL too (an edit makes a second one to compare).
  await page.getByTestId('article-body').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Refunds are confirmed by email.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('button', { name: 'History' }).click();
  const from = page.getByTestId('history-panel').getByLabel('From');
  await expect(from.locator('option')).toHaveCount(2);
  await from.selectOption('working');
  await expect(page).toHaveURL(/#\/article\/refund-policy\/history\/working\/working$/);
  await page.reload();
  await expect(page.getByTestId('history-panel').getByLabel('From')).toHaveValue('working');

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
