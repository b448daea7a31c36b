import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { almanac, expect, selectPassage, startStudio, stopStudio, type Studio } from './studio';

/** The studio, and the invite code Ann was given for Li: Li claims his key with it (in real life, on his own machine). */
const test = base.extend<{ studio: Studio & { invite: string } }>({
  // eslint-disable-next-line no-empty-pattern
  studio: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'almanac-review-'));
    const ws = path.join(dir, 'ws');
    const env = { ALMANAC_CONFIG_DIR: path.join(dir, 'config') };
    almanac('init', ws);
    almanac('team', 'join', ws, '--id', 'ann', '--name', 'Ann', { env });
    const added = almanac('team', 'add', ws, 'li', '--name', 'Li', '--roles', 'author,reviewer', '--json', { env });
    const { invite } = JSON.parse(added.stdout) as { invite: string };
    const studio = await startStudio(ws, undefined, { configDir: env.ALMANAC_CONFIG_DIR });
    await use({ ...studio, invite });
    await stopStudio(studio);
    await rm(dir, { recursive: true, force: true });
  },
});

async function becomeMember(page: Page, button: RegExp, name: string, code?: string) {
  await page.getByTestId('identity').click();
  if (code) await page.getByRole('dialog').getByLabel(`Invite code for ${name}`).fill(code);
  await page.getByRole('dialog').getByRole('button', { name: button }).click();
  await expect(page.getByTestId('identity')).toContainText(`Signed in as ${name}`);
}

const reviewView = (page: Page) =>
  page.getByRole('navigation', { name: 'views' }).getByRole('button', { name: /Review/ });

/** Select `text` inside the rendered version, as a reviewer dragging over it would. */

test('submit, comment on a passage, request changes, resubmit, approve; no self-approval', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(page.getByTestId('identity')).toContainText('Signed in as Ann');

  await page
    .getByRole('button', { name: /New article/ })
    .first()
    .click();
  await page.getByRole('dialog').getByLabel('Title').fill('Parcel lockers');
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption('ann');
  const body = page.getByTestId('article-body');
  await body.click();
  await page.keyboard.type('Pick up your parcel at a locker within three days.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  const panel = page.getByTestId('review-panel');
  const headerBadge = page.locator('.editor-header').getByTestId('status-badge');
  await expect(headerBadge).toHaveText('Draft');
  await panel.getByRole('button', { name: /Submit for review/ }).click();
  await expect(headerBadge).toHaveText('In review');
  await expect(panel.getByTestId('record')).toHaveCount(1);

  // Ann wrote and submitted this version: the core would refuse her approval, so the studio does not offer it.
  await reviewView(page).click();
  await expect(page.getByTestId('queue-count')).toHaveText('1');
  await page.getByTestId('queue-item').filter({ hasText: 'Parcel lockers' }).click();
  await expect(page.getByTestId('queue-detail')).toContainText('first review');
  await expect(page.getByTestId('queue-detail')).toContainText('You wrote or submitted this version');
  await page.keyboard.press('a');
  await expect(page.getByTestId('compose').getByRole('button', { name: 'Approve' })).toHaveCount(0);

  await becomeMember(page, /Claim Li/, 'Li', studio.invite);
  await expect(page.getByTestId('identity')).toContainText('reviewer');
  await page.getByTestId('queue-item').filter({ hasText: 'Parcel lockers' }).click();
  await selectPassage(page.getByTestId('queue-detail'), 'within three days');
  await page.getByRole('button', { name: 'Comment on this passage' }).click();
  const compose = page.getByTestId('compose');
  await expect(compose.locator('blockquote')).toHaveText('within three days');
  await compose.getByLabel('Note').fill('How many hours exactly?');
  await compose.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Comment posted.')).toBeVisible();
  const detail = page.getByTestId('queue-detail');
  await expect(detail.getByTestId('record').filter({ hasText: 'within three days' })).toContainText(
    'How many hours exactly?',
  );

  await page.keyboard.press('r');
  await compose.getByLabel('Note').fill('Give the exact pickup window.');
  await compose.getByRole('button', { name: 'Request changes' }).click();
  await expect(page.getByTestId('queue-empty')).toContainText('Nothing waits for review');

  await becomeMember(page, /Switch to Ann/, 'Ann');
  const attention = page.getByTestId('attention-item').filter({ hasText: 'Parcel lockers' });
  await expect(attention).toContainText('Changes requested');
  await expect(attention).toContainText('1 comment to answer');
  await attention.getByRole('button').click();
  await expect(headerBadge).toHaveText('Changes requested');
  await expect(panel.getByTestId('record').filter({ hasText: 'within three days' })).toContainText(
    'How many hours exactly?',
  );
  await expect(panel.getByTestId('record').filter({ hasText: 'Requested changes' })).toContainText(
    'Give the exact pickup window.',
  );

  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Lockers keep parcels for 72 hours.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.keyboard.press('Control+Shift+Enter');
  await expect(headerBadge).toHaveText('In review');

  await becomeMember(page, /Switch to Li/, 'Li');
  await reviewView(page).click();
  await page.getByTestId('queue-item').filter({ hasText: 'Parcel lockers' }).click();
  await expect(page.getByTestId('queue-detail')).toContainText('72 hours');
  await page.keyboard.press('a');
  await page.getByTestId('compose').getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Approved.')).toBeVisible();
  await expect(page.getByTestId('queue-empty')).toBeVisible();

  await page.getByRole('button', { name: 'Library' }).click();
  await expect(headerBadge).toHaveText('Approved');
  const row = page.getByTestId('article-row').filter({ hasText: 'Parcel lockers' });
  await expect(row.getByTestId('status-badge')).toHaveText('Approved');
  await expect(panel.getByTestId('approved-version')).toContainText('Li');
});
