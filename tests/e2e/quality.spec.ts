import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './studio';

const view = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'views' }).getByRole('button', { name, exact: true });

async function openStudio(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
}

test('a golden set runs against drafts, explains a wrong question and compares two runs', async ({
  page,
  studio,
  workspace: { ws },
}) => {
  // Every question of the sample's set is answered right; a team's set that disagrees with its
  // profile is not: this one expects an answer where the profile hands account closure to a person.
  const disagreeing = {
    id: 'g25',
    question: 'How do I delete my account?',
    locale: 'en',
    expected: ['close-your-account'],
    handoff: false,
  };
  await appendFile(path.join(ws, 'evals', 'golden.jsonl'), `${JSON.stringify(disagreeing)}\n`);
  await openStudio(page, studio.url);
  await view(page, 'Quality').click();

  const golden = page.locator('[data-testid="golden-set"][data-name="golden"]');
  await expect(golden).toContainText('25 questions');
  await expect(golden).toContainText('Not run yet');
  await golden.click();
  await expect(page.getByTestId('question-row')).toHaveCount(25);
  await expect(page.getByTestId('question-row').first().getByTestId('article-chip')).toHaveText(/Refund policy/);

  await page.getByRole('tab', { name: 'Run' }).click();
  await page.getByRole('radio', { name: 'Working drafts' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const cards = page.getByTestId('metric');
  await expect(cards).toHaveCount(7, { timeout: 60_000 });
  await expect(cards.filter({ hasText: 'Hit@5' })).toContainText('%');
  for (const label of ['MRR', 'nDCG@10', 'Hand-off precision', 'Hand-off recall', 'Grounded answers', 'Facts stated'])
    await expect(cards.filter({ hasText: label })).toHaveCount(1);
  await expect(page.getByTestId('outcome')).toHaveCount(25);

  // g20 (白印子 for the article's 白色水印) is answered; the added question is the one wrong.
  await expect(page.locator('[data-testid="outcome"][data-id="g20"]')).toHaveAttribute('data-right', 'true');
  await expect(page.locator('[data-testid="outcome"][data-right="false"]')).toHaveCount(1);
  const wrong = page.locator('[data-testid="outcome"][data-id="g25"]');
  await expect(wrong).toHaveAttribute('data-right', 'false');
  await expect(wrong).toContainText('✗');
  const question = await wrong.getByRole('button').innerText();
  await wrong.click();
  const drill = page.getByTestId('drilldown');
  await expect(drill).toBeVisible();
  await expect(drill).toContainText(question);
  await expect(drill.getByTestId('drill-expected')).toContainText('Expected');
  await expect(drill.getByTestId('drill-retrieved').getByTestId('ranked-article').first()).toBeVisible();
  await expect(drill.locator('[data-testid="ranked-article"][data-expected="true"]').first()).toBeVisible();
  await expect(drill.getByTestId('drill-answer')).toContainText('Confidence');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByTestId('history-run')).toHaveCount(2, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Compare' }).click();
  const counts = page.getByTestId('compare-counts');
  await expect(counts).toContainText(/Better\s*\d+/);
  await expect(counts).toContainText(/Worse\s*\d+/);
  await expect(counts).toContainText(/Same\s*\d+/);
  await expect(page.getByTestId('compare-question')).toHaveCount(25);
  await expect(page.getByTestId('delta')).toHaveCount(6);
  await expect(golden).toContainText('Hit@5');
});

test('"Save as test" under a preview answer adds the question to a new golden set', async ({ page, studio }) => {
  await openStudio(page, studio.url);
  await view(page, 'Preview').click();
  const box = page.getByLabel('Ask what a customer would ask…');
  await box.fill('How long does a refund take to reach my card?');
  await box.press('Enter');

  const answer = page.getByTestId('answer').last();
  await expect(answer.getByTestId('citation').filter({ hasText: 'Refund policy' }).first()).toBeVisible();
  await answer.getByRole('button', { name: 'Save as test' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as a golden test' });
  const setName = dialog.getByLabel('Golden set', { exact: true });
  await expect(setName).toHaveValue('golden');
  await expect(dialog.getByLabel('Question', { exact: true })).toHaveValue(
    'How long does a refund take to reach my card?',
  );
  await expect(dialog.getByTestId('article-chip').filter({ hasText: 'Refund policy' })).toHaveCount(1);
  await expect(dialog.getByLabel('A person should take this question')).not.toBeChecked();
  await setName.fill('smoke');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.toast').filter({ hasText: 'Saved to smoke' })).toBeVisible();

  await view(page, 'Quality').click();
  const smoke = page.locator('[data-testid="golden-set"][data-name="smoke"]');
  await expect(smoke).toContainText('1 question');
  await smoke.click();
  const rows = page.getByTestId('question-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByLabel('Question 1', { exact: true })).toHaveValue(
    'How long does a refund take to reach my card?',
  );
  await expect(rows.first().getByTestId('article-chip').filter({ hasText: 'Refund policy' })).toHaveCount(1);
});

test('a save never drops a question added meanwhile: the editor offers theirs or mine', async ({ page, studio }) => {
  await openStudio(page, studio.url);
  await view(page, 'Quality').click();
  await page.locator('[data-testid="golden-set"][data-name="golden"]').click();
  const rows = page.getByTestId('question-row');
  await expect(rows).toHaveCount(24);
  await rows.first().getByLabel('Question 1', { exact: true }).fill('How long until a refund reaches my card?');

  // Meanwhile another tab saves a question from the Preview into the same set.
  const res = await fetch(`http://127.0.0.1:${studio.port}/api/evals.add`, {
    method: 'POST',
    headers: { authorization: `Bearer ${studio.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'golden', question: { question: 'Do you deliver to Macau?', handoff: true } }),
  });
  expect(res.status).toBe(200);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = page.getByTestId('set-conflict');
  await expect(conflict).toContainText('changed since you opened it');
  await expect(rows.first().getByLabel('Question 1', { exact: true })).toHaveValue(
    'How long until a refund reaches my card?',
  );
  await conflict.getByRole('button', { name: 'Load theirs (discard mine)' }).click();
  await expect(rows).toHaveCount(25);
  await expect(rows.last().getByRole('textbox').first()).toHaveValue('Do you deliver to Macau?');
  await expect(conflict).toHaveCount(0);
});
