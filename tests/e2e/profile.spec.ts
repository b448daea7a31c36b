import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { almanac, expect, startStudio, stopStudio, type Studio } from './studio';

const test = base.extend<{ studio: Studio }>({
  // eslint-disable-next-line no-empty-pattern
  studio: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'almanac-profile-'));
    const ws = path.join(dir, 'ws');
    const env = { ALMANAC_CONFIG_DIR: path.join(dir, 'config') };
    almanac('init', ws, '--sample');
    almanac('team', 'join', ws, '--id', 'mei.chen', { env });
    const studio = await startStudio(ws, undefined, { configDir: env.ALMANAC_CONFIG_DIR });
    await use(studio);
    await stopStudio(studio);
    await rm(dir, { recursive: true, force: true });
  },
});

const profileFile = (studio: Studio) => path.join(studio.ws, 'agent/profile.md');

async function openProfile(page: Page, studio: Studio) {
  await page.goto(studio.url);
  // As in the preview spec: a view chosen while the first index run is under way was seen (once, in
  // CI) to leave the studio on the library.
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await page.getByRole('navigation', { name: 'views' }).getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Agent profile' }).click();
  await expect(page.getByRole('heading', { name: /Agent profile/, level: 1 })).toBeVisible();
}

const topic = (page: Page, id: string) => page.getByTestId('intent').and(page.locator(`[data-topic="${id}"]`));

test('edit a hand-off topic and the confidence, save to disk, save a version, submit for review', async ({
  page,
  studio,
}) => {
  await openProfile(page, studio);
  const closure = topic(page, 'account-closure');
  await expect(closure.locator('summary')).toContainText('account-closure');
  await expect(page.getByTestId('profile-save-state')).toHaveAttribute('data-state', 'saved');

  await closure.locator('summary').click();
  const keyword = closure.getByRole('textbox', { name: 'Add keyword' });
  await keyword.fill('wipe|scrap account_forever');
  await keyword.press('Enter');
  await expect(closure.getByRole('button', { name: 'Remove wipe|scrap account_forever' })).toBeVisible();

  const examples = closure.getByRole('textbox', { name: /^Example phrasing \d+ \(en\)$/ });
  const before = await examples.count();
  await closure.getByRole('button', { name: 'Add example (en)' }).click();
  const example = examples.last();
  await expect(example).toBeFocused();
  await example.fill('Scrap my account for good please');
  await expect(examples).toHaveCount(before + 1);

  await page.getByRole('spinbutton', { name: 'Minimum confidence', exact: true }).fill('0.42');
  await expect(page.getByRole('slider', { name: /Minimum confidence/ })).toHaveValue('0.42');
  await expect(page.getByTestId('profile-save-state')).toHaveAttribute('data-state', 'dirty');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('profile-save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('profile-save-state')).toHaveText('Saved');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const text = await readFile(profileFile(studio), 'utf8');
  expect(text).toContain('minConfidence: 0.42');
  expect(text).toContain('wipe|scrap account_forever');
  expect(text).toContain('Scrap my account for good please');
  expect(text).toContain('# Oakley, the Lumen & Oak support assistant');
  await expect(page.getByText('Changed since last version')).toBeVisible();

  await page.getByRole('button', { name: 'Save version' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('What changed?').fill('Closure: scrap phrasing; confidence 0.42');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Saved a version of the agent profile')).toBeVisible();
  await expect(page.getByText('Changed since last version')).toHaveCount(0);
  const history = JSON.parse(almanac('history', studio.ws, '@profile', '--json').stdout) as { message: string }[];
  expect(history[0]?.message).toBe('Closure: scrap phrasing; confidence 0.42');

  const badge = page.locator('.profile-header').getByTestId('status-badge');
  await expect(badge).not.toHaveText('In review');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(badge).toHaveText('In review');
});

test('server problems show beside their fields; a conflict offers Reload; Close warns before discarding', async ({
  page,
  studio,
}) => {
  await openProfile(page, studio);
  await topic(page, 'legal').locator('summary').click();
  const topicField = topic(page, 'legal').locator('label').filter({ hasText: 'Topic id' });
  const field = (await topicField.getAttribute('data-field'))!;
  expect(field).toMatch(/^handoff\.\d+\.topic$/);
  await topicField.getByRole('textbox').fill('legal threats');
  await page.getByRole('button', { name: /^Save Ctrl S$/ }).click();
  await expect(page.getByTestId('profile-problems')).toContainText(field);
  await expect(page.locator(`[data-field="${field}"]`).getByTestId('field-problem')).toContainText(
    'use letters, digits',
  );
  await expect(page.getByTestId('profile-save-state')).toHaveAttribute('data-state', 'error');
  expect(await readFile(profileFile(studio), 'utf8')).toContain('topic: legal\n');

  await page.locator(`[data-field="${field}"]`).getByRole('textbox').fill('legal-threats');
  await page.getByRole('button', { name: /^Save Ctrl S$/ }).click();
  await expect(page.getByTestId('profile-save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('profile-problems')).toHaveCount(0);
  expect(await readFile(profileFile(studio), 'utf8')).toContain('topic: legal-threats\n');

  const onDisk = await readFile(profileFile(studio), 'utf8');
  await writeFile(profileFile(studio), onDisk.replace('name: Oakley', 'name: Oakley Two'));
  await page.getByRole('textbox', { name: 'Role', exact: true }).fill('Support for Lumen & Oak');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('profile-conflict')).toBeVisible();
  expect(await readFile(profileFile(studio), 'utf8')).toContain('name: Oakley Two');
  await page.getByTestId('profile-conflict').getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Oakley Two');
  await expect(page.getByTestId('profile-conflict')).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Tone', exact: true }).fill('Brisk.');
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('textbox', { name: 'Tone', exact: true })).toHaveValue('Brisk.');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Agent profile' })).toBeVisible();
  expect(await readFile(profileFile(studio), 'utf8')).not.toContain('Brisk.');
});

test('a profile that does not parse shows its problems and text, read-only, until the file is fixed', async ({
  page,
  studio,
}) => {
  const good = await readFile(profileFile(studio), 'utf8');
  const confidence = /^minConfidence: ([\d.]+)$/m.exec(good)![1]!;
  await writeFile(profileFile(studio), good.replace(/^minConfidence: .*$/m, 'minConfidence: 2'));
  await openProfile(page, studio);
  const broken = page.getByTestId('profile-broken');
  await expect(broken.getByRole('alert')).toContainText('minConfidence');
  await expect(broken.getByRole('textbox', { name: 'Profile file text' })).toHaveValue(/minConfidence: 2/);
  await expect(broken.getByRole('textbox', { name: 'Profile file text' })).not.toBeEditable();
  await expect(page.getByRole('button', { name: 'Save version' })).toHaveCount(0);

  await writeFile(profileFile(studio), good.replace(/^minConfidence: .*$/m, 'minConfidence: [0.35'));
  await broken.getByRole('button', { name: 'Reload' }).click();
  await expect(broken.getByRole('alert')).toContainText('not valid YAML');

  await writeFile(profileFile(studio), good);
  // The studio may pick the fixed file up by itself (a reconnect reloads it): Reload only while it still shows the problem.
  const minimum = page.getByRole('spinbutton', { name: 'Minimum confidence', exact: true });
  await expect(async () => {
    if (await broken.isVisible()) await broken.getByRole('button', { name: 'Reload' }).click({ timeout: 2_000 });
    await expect(minimum).toHaveValue(confidence, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});

test('a wording a reader says a person should have taken becomes an example phrasing of that topic', async ({
  page,
  studio,
}) => {
  const question = "after my dad's funeral we are tidying his online life, including your shop";
  await page.goto(studio.url);
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await page.getByRole('navigation', { name: 'views' }).getByRole('button', { name: 'Preview' }).click();
  const box = page.getByLabel('Ask what a customer would ask…');
  await box.fill(question);
  await box.press('Enter');
  const answer = page.getByTestId('answer').last();
  await expect(answer.getByRole('button', { name: 'Not helpful' })).toBeVisible();
  // Neither a keyword nor the topic's examples catch this wording (at most a low-confidence hand-off).
  await expect(answer).not.toContainText('account-closure');
  await answer.getByRole('button', { name: 'Not helpful' }).click();
  await answer.getByLabel('A person should have taken this').selectOption('account-closure');
  await answer.getByRole('button', { name: 'Send feedback' }).click();
  await expect(answer.getByTestId('feedback-saved')).toBeVisible();

  await page.getByRole('button', { name: 'Agent profile' }).click();
  const suggestions = page.getByTestId('handoff-suggestions');
  await expect(suggestions).toContainText(question);
  await suggestions.getByRole('button', { name: 'Add 1 example phrasing' }).click();
  await expect(suggestions).toHaveCount(0);
  const closure = topic(page, 'account-closure');
  await closure.locator('summary').click();
  await expect(closure.getByRole('textbox').and(page.locator(`[value="${question}"]`))).toHaveCount(1);
  await expect(page.getByTestId('profile-save-state')).toHaveAttribute('data-state', 'dirty');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('profile-save-state')).toHaveAttribute('data-state', 'saved');
  expect(await readFile(profileFile(studio), 'utf8')).toContain(question);
});
