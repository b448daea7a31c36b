import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, type Page } from '@playwright/test';
import { almanac, expect, repoRoot, startStudio, stopStudio, type Studio } from './studio';

interface Agent {
  url: string;
  token: string;
  child: ChildProcess;
}

/** Start `almanac agent serve` on a fresh data folder, trusting the workspace's managers. */
async function startAgent(dataDir: string, trust: string): Promise<Agent> {
  const bin = path.join(repoRoot, 'main/cli/bin.ts');
  const args = ['agent', 'serve', '--data', dataDir, '--trust', trust, '--port', '0', '--token', 't1', '--json'];
  const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`almanac agent serve exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; token: string };
  return { ...info, child };
}

/** Every file of the workspace outside .git and .almanac with its content: to show nothing was edited. */
async function snapshotOfFiles(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(root, full);
    if (!entry.isFile() || /^(\.git|\.almanac)(\/|$)/.test(rel)) continue;
    out[rel] = await readFile(full, 'utf8');
  }
  return out;
}

async function stopAgent(agent: Agent): Promise<void> {
  if (agent.child.exitCode !== null || agent.child.signalCode !== null) return;
  const exited = new Promise((resolve) => agent.child.once('exit', resolve));
  agent.child.kill('SIGTERM');
  await exited;
}

const test = base.extend<{ setup: { studio: Studio; agent: Agent; ws: string } }>({
  // eslint-disable-next-line no-empty-pattern
  setup: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'almanac-publish-'));
    const ws = path.join(dir, 'ws');
    const env = { ALMANAC_CONFIG_DIR: path.join(dir, 'config') };
    // A fresh sample and a fresh settings folder: nobody is signed in, and no file is edited.
    almanac('init', ws, '--sample');
    const before = await snapshotOfFiles(ws);
    // The agent trusts the workspace's managers as its signed roster names them.
    const agent = await startAgent(path.join(dir, 'agent'), ws);
    expect(await snapshotOfFiles(ws)).toEqual(before);
    const studio = await startStudio(ws, undefined, { configDir: env.ALMANAC_CONFIG_DIR });
    await use({ studio, agent, ws });
    await stopStudio(studio);
    await stopAgent(agent);
    await rm(dir, { recursive: true, force: true });
  },
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'views' }).getByRole('button', { name, exact: true });

async function askAgent(agent: Agent, question = 'How long does a refund take to reach my card?') {
  const res = await fetch(`${agent.url}/v1/answer`, {
    method: 'POST',
    headers: { authorization: 'Bearer t1', 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  const body = (await res.json()) as { citations: { articleId: string }[] };
  return { status: res.status, snapshot: res.headers.get('x-almanac-snapshot'), body };
}

test('a manager adds a live agent, publishes, publishes a removal, rolls back, and previews the live answer', async ({
  page,
  setup: { studio, agent },
}) => {
  await page.goto(studio.url);
  // The newcomer picks the sample's manager in the studio: her demo key is on every machine.
  await expect(page.getByTestId('identity')).toContainText('Who are you?');
  await page.getByTestId('identity').click();
  const member = page.getByRole('dialog').getByTestId('member').filter({ hasText: 'Sara Koh' });
  // The roster comes from the signed audit chain, read as the studio starts: wait for it on a busy machine.
  await expect(member).toContainText('manager', { timeout: 30_000 });
  await member.getByRole('button', { name: /Switch to Sara Koh/ }).click();
  await expect(page.getByTestId('identity')).toContainText('Signed in as Sara Koh');
  // Approve in the studio first: Tom's gift cards article waits in the review queue.
  await page
    .getByRole('navigation', { name: 'views' })
    .getByRole('button', { name: /Review/ })
    .click();
  await page.getByTestId('queue-item').filter({ hasText: 'Gift cards' }).click();
  await page.keyboard.press('a');
  await page.getByTestId('compose').getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Approved.')).toBeVisible();
  await nav(page, 'Publish').click();
  const view = page.getByTestId('publish-view');
  await expect(view.getByTestId('targets-empty')).toContainText('almanac agent serve');
  await expect(view.getByTestId('publish-log')).toContainText('Nothing published yet');

  await view.getByRole('button', { name: 'Add target' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Agent URL').fill(agent.url);
  await dialog.getByLabel('Name (optional)').fill('Test agent');
  await dialog.getByLabel('Token').fill('t1');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const target = view.getByTestId('target');
  await expect(target).toContainText('Test agent');
  await expect(target).toContainText('token saved');
  await view.getByRole('button', { name: 'Edit' }).click();
  await expect(dialog.getByLabel('Token')).toHaveValue('');
  await expect(dialog.getByLabel('Token')).toHaveAttribute('placeholder', /A token is saved/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(view.getByTestId('target-status')).toContainText('This agent stores no snapshot yet');

  const planned = view.getByTestId('planned-snapshot');
  await expect(planned).toContainText(/\d+ approved articles/);
  const first = (await planned.getAttribute('data-snapshot'))!;
  const count = Number(/(\d+) approved articles/.exec((await planned.textContent())!)![1]);
  await expect(view.getByTestId('compare-basis')).toContainText('serves no snapshot yet');
  await expect(view.getByTestId('diff-added').locator('h4')).toHaveText(`Added (${count})`);
  await expect(view.getByTestId('diff-added')).toContainText('Refund policy');
  await expect(view.getByTestId('diff-added')).toContainText('Gift cards');
  await expect(view.getByTestId('diff-removed')).toHaveCount(0);
  await expect(view.getByTestId('diff-changed')).toHaveCount(0);

  await view.getByTestId('publish-button').click();
  // Nothing goes live without a last look at what it holds.
  const confirm = page.getByRole('dialog', { name: 'Publish to Test agent?' });
  await expect(confirm.getByTestId('confirm-publish')).toContainText(`Added (${count})`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(view.getByTestId('publish-stage')).toHaveCount(0);
  await view.getByTestId('publish-button').click();
  await confirm.getByTestId('confirm-publish-button').click();
  await expect(view.getByTestId('publish-stage')).toHaveAttribute('data-stage', 'done', { timeout: 60_000 });
  await expect(view.getByTestId('publish-stage')).toHaveText('Live');
  await expect(view.getByTestId('publish-success')).toHaveAttribute('data-snapshot', first);
  await expect(view.getByTestId('publish-success')).toContainText(`Snapshot ${first} is live on Test agent`);
  await expect(view.getByTestId('active-snapshot')).toHaveText(first);
  await expect(view.getByTestId('agent-search')).toContainText('Searches lexically (the snapshot carries no vectors)');
  await expect(view.getByTestId('agent-search')).toContainText('answers written by extractive');
  await expect(view.getByTestId('log-entry')).toHaveCount(1);
  await expect(view.getByTestId('log-entry').first()).toContainText('Sara Koh');

  const live = await askAgent(agent);
  expect(live.status).toBe(200);
  expect(live.snapshot).toBe(first);
  expect(live.body.citations[0]?.articleId).toBe('refund-policy');
  // The article approved a moment ago in the studio is live too.
  const gift = await askAgent(agent, 'How do I check the balance of my gift card?');
  expect(gift.body.citations.map((c) => c.articleId)).toContain('gift-cards');

  await nav(page, 'Preview').click();
  await page.getByLabel('Answer from').selectOption('live');
  await expect(page.getByLabel('Live agent')).toHaveValue(agent.url);
  const box = page.getByLabel('Ask what a customer would ask…');
  await box.fill('How long does a refund take to reach my card?');
  await box.press('Enter');
  const answer = page.locator('[data-testid="chat-column"][data-against="live"]').getByTestId('answer').last();
  await expect(answer.getByTestId('citation').filter({ hasText: 'Refund policy' }).first()).toBeVisible();
  await answer.getByRole('button', { name: 'Why?' }).click();
  await expect(answer.getByTestId('trace')).toContainText('Live snapshot');

  await nav(page, 'Library').click();
  await page.getByPlaceholder('Search titles and text…').fill('Payment methods');
  await page.getByTestId('article-row').filter({ hasText: 'Payment methods' }).first().click();
  await expect(page.locator('.editor-title')).toHaveText('Payment methods and failed payments');
  await page.locator('.editor-header').getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.locator('.editor-header').getByTestId('status-badge')).toHaveAttribute('data-status', 'archived');

  await nav(page, 'Publish').click();
  await expect(view.getByTestId('compare-basis')).toContainText(`live snapshot ${first}`);
  await expect(view.getByTestId('diff-removed')).toContainText('Payment methods');
  await expect(view.getByTestId('diff-added')).toHaveCount(0);
  await expect(planned).toContainText(`${count - 1} approved articles`);
  const second = (await planned.getAttribute('data-snapshot'))!;
  expect(second).not.toBe(first);
  await view.getByTestId('publish-button').click();
  await expect(confirm.getByTestId('confirm-publish')).toContainText('Removed (1)');
  await expect(confirm.getByTestId('confirm-publish')).toContainText('Payment methods');
  await confirm.getByTestId('confirm-publish-button').click();
  // The sample golden set expects the payment methods article for "My card keeps getting declined…".
  const gate = view.getByTestId('gate-report');
  await expect(gate).toContainText('Held back: the golden sets would get worse than the live snapshot', {
    timeout: 60_000,
  });
  await expect(gate).toContainText(/Hit@k|MRR/);
  await expect(gate).toContainText(/\d\.\d{3} → \d\.\d{3}/);
  await expect(view.getByTestId('publish-stage')).toHaveCount(0);
  await expect(view.getByTestId('active-snapshot')).toHaveText(first);
  expect((await askAgent(agent)).snapshot).toBe(first);
  const anyway = gate.getByRole('button', { name: 'Publish anyway' });
  await expect(anyway).toBeDisabled();
  const reason = 'Payment methods moves to a new article next week';
  await gate.getByLabel('Reason for publishing anyway').fill(reason);
  await anyway.click();
  await expect(view.getByTestId('publish-success')).toHaveAttribute('data-snapshot', second, { timeout: 60_000 });
  await expect(view.getByTestId('publish-stage')).toHaveText('Live');
  await expect(view.getByTestId('active-snapshot')).toHaveText(second);
  await expect(gate).toHaveCount(0);
  expect((await askAgent(agent)).snapshot).toBe(second);
  await expect(view.getByTestId('log-entry')).toHaveCount(2);
  await expect(view.getByTestId('log-entry').first().getByTestId('log-override')).toHaveText(`override: ${reason}`);

  const older = view.locator(`[data-testid="agent-snapshot"][data-snapshot="${first}"]`);
  await older.getByRole('button', { name: `Roll back to ${first.slice(0, 8)}` }).click();
  await expect(page.getByRole('dialog')).toContainText(`Make snapshot ${first} live again`);
  await page.getByRole('dialog').getByRole('button', { name: 'Roll back' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(view.getByTestId('active-snapshot')).toHaveText(first);
  await expect(older).toHaveAttribute('data-active', 'true');
  await expect(view.getByTestId('log-entry')).toHaveCount(3);
  await expect(view.getByTestId('log-entry').first()).toHaveAttribute('data-action', 'snapshot.rollback');
  await expect(view.getByTestId('log-entry').nth(1)).toContainText(`override: ${reason}`);
  await expect(view.getByTestId('log-override')).toHaveCount(1);

  const rolledBack = await askAgent(agent);
  expect(rolledBack.status).toBe(200);
  expect(rolledBack.snapshot).toBe(first);
  expect(rolledBack.body.citations[0]?.articleId).toBe('refund-policy');
});

test('a manager sees what a publish changes for real customers, compares one question side by side, keeps it as a golden question, and publishes', async ({
  page,
  setup: { studio, agent, ws },
}) => {
  await page.goto(studio.url);
  await page.getByTestId('identity').click();
  const sara = page.getByRole('dialog').getByTestId('member').filter({ hasText: 'Sara Koh' });
  await expect(sara).toContainText('manager');
  await sara.getByRole('button', { name: /Switch to Sara Koh/ }).click();
  await expect(page.getByTestId('identity')).toContainText('Signed in as Sara Koh');
  await nav(page, 'Publish').click();
  const view = page.getByTestId('publish-view');
  await view.getByRole('button', { name: 'Add target' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Agent URL').fill(agent.url);
  await dialog.getByLabel('Token').fill('t1');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const diff = view.getByTestId('behaviour-diff');
  await expect(diff).toContainText('Nothing is live on this agent yet');
  await view.getByTestId('publish-button').click();
  await page.getByTestId('confirm-publish-button').click();
  await expect(view.getByTestId('publish-stage')).toHaveAttribute('data-stage', 'done', { timeout: 60_000 });
  const first = (await view.getByTestId('publish-success').getAttribute('data-snapshot'))!;

  // Live now, and no customer has asked anything yet.
  await expect(diff.getByTestId('replay-summary')).toContainText('The live agent logged no question', {
    timeout: 30_000,
  });

  // Customers ask the live agent; one types their card number.
  const declined = await askAgent(
    agent,
    'My card 4111 1111 1111 1111 keeps getting declined. Which payment methods do you accept?',
  );
  expect(declined.body.citations[0]?.articleId).toBe('payment-methods');
  await askAgent(agent, 'How long does a refund take to reach my card?');

  // The payment methods article is archived: the card question would get another article.
  await nav(page, 'Library').click();
  await page.getByPlaceholder('Search titles and text…').fill('Payment methods');
  await page.getByTestId('article-row').filter({ hasText: 'Payment methods' }).first().click();
  await page.locator('.editor-header').getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.locator('.editor-header').getByTestId('status-badge')).toHaveAttribute('data-status', 'archived');
  // Tom adds a sentence to the refund policy and Li approves it: a changed article.
  const refund = path.join(ws, 'articles', 'refund-policy.md');
  await writeFile(
    refund,
    `${(await readFile(refund, 'utf8')).trimEnd()}\n\nRefunds to a gift card arrive the same day.\n`,
  );
  almanac('review', 'submit', ws, 'refund-policy', '--as', 'tom.ward');
  almanac('review', 'approve', ws, 'refund-policy', '--as', 'li.na');
  await nav(page, 'Publish').click();
  await expect(diff.getByTestId('replay-summary')).toContainText('2 real questions from the last 7 days', {
    timeout: 60_000,
  });
  const group = diff.locator('[data-testid="replay-group"][data-kind="different-article"]');
  await expect(group).toContainText('Another article cited (1)');
  const change = group.getByTestId('replay-change');
  // The card number never reaches the screen.
  await expect(change).toHaveText('My card [card] keeps getting declined. Which payment methods do you accept?');
  await expect(diff).not.toContainText('4111');

  await change.click();
  const side = page.getByRole('dialog');
  await expect(side.getByTestId('replay-before').getByTestId('outcome-citation').first()).toHaveAttribute(
    'data-article',
    'payment-methods',
  );
  await expect(side.getByTestId('replay-after').locator('[data-article="payment-methods"]')).toHaveCount(0);
  await expect(side.getByTestId('replay-cause').filter({ hasText: 'Payment methods' })).toContainText('removed');
  await side.getByRole('button', { name: 'The live answer is right' }).click();
  await expect(side.getByTestId('replay-saved')).toContainText('Added to golden set golden');
  await page.keyboard.press('Escape');
  await expect(side).toHaveCount(0);
  const golden = await readFile(path.join(ws, 'evals', 'golden.jsonl'), 'utf8');
  const saved = JSON.parse(golden.trim().split('\n').at(-1)!) as { question: string; expected: string[] };
  expect(saved).toMatchObject({
    question: 'My card [card] keeps getting declined. Which payment methods do you accept?',
    expected: ['payment-methods'],
  });

  // The planned snapshot's own list opens a changed article to its text diff against the live version.
  const listed = view.getByTestId('diff-changed').getByTestId('changed-article');
  await listed.locator('summary').click();
  await expect(listed.getByTestId('diff')).toContainText('Refunds to a gift card arrive the same day.');
  // The golden set now guards that question: the publish is held back until a manager says why.
  await view.getByTestId('publish-button').click();
  const confirm = page.getByTestId('confirm-publish');
  await expect(confirm).toContainText('Removed (1)');
  await expect(confirm).toContainText('Changed (1)');
  await expect(page.getByTestId('confirm-replay')).toContainText('2 questions customers asked lately');
  await confirm.getByTestId('changed-article').locator('summary').click();
  await expect(confirm.getByTestId('diff')).toContainText('Refunds to a gift card arrive the same day.');
  await page.getByTestId('confirm-publish-button').click();
  const gate = view.getByTestId('gate-report');
  await expect(gate).toContainText('golden sets would get worse', { timeout: 60_000 });
  await gate.getByLabel('Reason for publishing anyway').fill('Payment methods moves to the new billing article');
  await gate.getByRole('button', { name: 'Publish anyway' }).click();
  await expect(view.getByTestId('publish-stage')).toHaveAttribute('data-stage', 'done', { timeout: 60_000 });
  const second = (await view.getByTestId('publish-success').getAttribute('data-snapshot'))!;
  expect(second).not.toBe(first);
  expect((await askAgent(agent)).snapshot).toBe(second);
  // What is live now is what was planned: nothing changes any more.
  await expect(diff.getByTestId('replay-summary')).toContainText('would change', { timeout: 60_000 });
  await expect(diff.getByTestId('replay-group')).toHaveCount(0);

  // A complaint about the card question is checked against exactly what the customer was told.
  await nav(page, 'Insights').click();
  await page.getByRole('radio', { name: 'Live agent' }).check();
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await page.getByRole('tab', { name: 'Conversations' }).click();
  const row = page.getByTestId('conversation').filter({ hasText: 'keeps getting declined' });
  await expect(row).toContainText(first.slice(0, 8));
  await expect(page.getByTestId('conversations')).not.toContainText('4111');
  await row.getByRole('button', { name: 'Answer again' }).click();
  const again = page.getByRole('dialog');
  await expect(again.getByLabel('Answer with')).toHaveValue(first);
  await expect(again.getByTestId('reanswer-now').locator('[data-article="payment-methods"]')).toHaveCount(1);
  await again.getByLabel('Answer with').selectOption(second);
  await expect(again.getByTestId('reanswer-now')).toBeVisible();
  await expect(again.getByTestId('reanswer-now').locator('[data-article="payment-methods"]')).toHaveCount(0);
  await expect(again.getByTestId('reanswer-told')).toContainText(/payment|card/i);
});
