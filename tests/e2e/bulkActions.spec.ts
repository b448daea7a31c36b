import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './studio';

const owner = 'li.na';
const reviewBy = '2028-06-30';

test('sets owner and review-by on five articles in one step each, then undoes both', async ({
  page,
  studio,
  workspace,
}) => {
  const fileOf = (id: string) => path.join(workspace.ws, 'articles', `${id}.md`);
  const texts = (ids: string[]) => Promise.all(ids.map((id) => readFile(fileOf(id), 'utf8')));
  // Saving writes front-matter fields in Almanac's order, so "as before" means the same lines.
  const lines = async (ids: string[]) => (await texts(ids)).map((text) => text.split('\n').sort());

  await page.goto(studio.url);
  await page.getByLabel('Sort by').selectOption('title');
  const rows = page.getByTestId('article-row');
  await expect(rows.first()).toBeVisible();
  const ids = await Promise.all([0, 1, 2, 3, 4].map((i) => rows.nth(i).getAttribute('data-id')));
  const five = ids.map((id) => id!);
  const before = await lines(five);
  expect(before.every((text) => !text.includes(`owner: ${owner}`))).toBe(true);
  const ownersBefore = await Promise.all(five.map((id) => page.locator(`[data-id="${id}"] .owner`).textContent()));

  // Tick the first row, then shift-click the fifth: the five in between are ticked.
  await rows.nth(0).getByRole('checkbox').check();
  await rows
    .nth(4)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  const bar = page.getByTestId('bulk-bar');
  await expect(bar.getByTestId('bulk-count')).toHaveText('5 selected');

  await bar.getByRole('button', { name: 'Set owner' }).click();
  await bar.getByLabel('New owner').selectOption(owner);
  await bar.getByRole('button', { name: 'Apply to 5 articles' }).click();
  const ownerToast = page.getByRole('status').filter({ hasText: 'Owner set on 5 articles' });
  await expect(ownerToast).toBeVisible();
  // Keep the owner toast (and its Undo) up: its timer starts again when the pointer leaves it.
  await ownerToast.hover();
  for (const id of five) await expect(page.locator(`[data-id="${id}"] .owner`)).toHaveText(owner);

  await bar.getByRole('button', { name: 'Set review-by' }).click();
  await bar.getByLabel('New review-by date').fill(reviewBy);
  await bar.getByRole('button', { name: 'Apply to 5 articles' }).click();
  const dateToast = page.getByRole('status').filter({ hasText: 'Review-by date set on 5 articles' });
  await expect(dateToast).toBeVisible();

  const changed = await texts(five);
  for (const text of changed) {
    expect(text).toContain(`\nowner: ${owner}\n`);
    expect(text).toContain(`\nreviewBy: ${reviewBy}\n`);
  }

  await dateToast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone: 5 articles are back as they were' })).toBeVisible();
  await expect.poll(async () => (await texts(five)).every((t) => !t.includes(`reviewBy: ${reviewBy}`))).toBe(true);

  await ownerToast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => lines(five)).toEqual(before);
  for (const [i, id] of five.entries())
    await expect(page.locator(`[data-id="${id}"] .owner`)).toHaveText(ownersBefore[i]!);
  await expect(bar.getByTestId('bulk-count')).toHaveText('5 selected');
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
});

test('Ctrl-A in the list selects every article shown, Escape clears the selection', async ({ page, studio }) => {
  await page.goto(studio.url);
  await page.getByLabel('Filter by owner').selectOption('tom.ward');
  const rows = page.getByTestId('article-row');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  await rows.first().getByRole('checkbox').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByTestId('bulk-count')).toHaveText(`${shown} selected`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
});
