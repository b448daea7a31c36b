import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { almanac, expect, startStudio, stopStudio, test } from './studio';

test('a manager adds a member and changes roles; the audit log records both and finds a tampered entry', async ({
  page,
  workspace: { ws, dir },
}) => {
  // Sara Koh manages the sample team; her demo key is on every machine, so nothing is edited by hand.
  const configFile = path.join(ws, 'almanac.json');
  const configDir = path.join(dir, 'config');
  almanac('team', 'join', ws, '--id', 'sara.koh', { env: { ALMANAC_CONFIG_DIR: configDir } });
  const studio = await startStudio(ws, undefined, { configDir });
  try {
    await page.goto(studio.url);
    await expect(page.getByTestId('identity')).toContainText('Signed in as Sara Koh');
    await page.getByRole('navigation', { name: 'views' }).getByRole('button', { name: 'Team', exact: true }).click();
    const view = page.getByTestId('team-view');
    const row = (id: string) => view.locator(`[data-member="${id}"]`);
    await expect(row('sara.koh')).toContainText('you');
    await expect(row('tom.ward')).toContainText('Tom Ward');
    await expect(row('tom.ward').getByTestId('demo-badge')).toBeVisible();
    // The sample's history: the team founded by Sara, every save and review, chained and signed.
    const verdict = view.getByTestId('audit-verdict');
    await expect(verdict).toHaveAttribute('data-ok', 'true');
    await expect(verdict).toContainText(/Intact: \d+ entries/);
    const before = Number(/Intact: (\d+)/.exec((await verdict.textContent()) ?? '')![1]);
    expect(before).toBeGreaterThan(40);

    const add = view.getByRole('region', { name: 'Add a member' });
    await add.getByLabel('Member id').fill('wei.zhang');
    await add.getByLabel('Name').fill('Wei Zhang');
    await add.getByLabel('reviewer').check();
    await add.getByRole('button', { name: 'Add member' }).click();
    await expect(row('wei.zhang')).toContainText('No key yet');
    await expect(view.getByTestId('invite-code')).toHaveText(/^[0-9a-f]{5}(-[0-9a-f]{5}){3}$/);
    await expect(row('wei.zhang').getByLabel('reviewer')).toBeChecked();
    await expect(add.getByLabel('Member id')).toHaveValue('');

    await row('wei.zhang').getByLabel('compliance').check();
    await expect(row('wei.zhang').getByLabel('compliance')).toBeChecked();
    const entries = view.getByTestId('audit-entry');
    await expect(entries.nth(0)).toHaveAttribute('data-action', 'team.roles');
    await expect(entries.nth(0)).toContainText('wei.zhang');
    await expect(entries.nth(1)).toHaveAttribute('data-action', 'team.add');
    await expect(verdict).toContainText(`Intact: ${before + 2} entries`);
    await page.screenshot({ path: 'test-results/team.png' });
    // The roster file says the same, so the command line and teammates see it after a sync.
    const saved = JSON.parse(await readFile(configFile, 'utf8')) as { team: { id: string; roles: string[] }[] };
    expect(saved.team.find((m) => m.id === 'wei.zhang')?.roles).toEqual(['author', 'reviewer', 'compliance']);

    // A hand edit of the roster copy counts for nothing, and the check says whose entry differs.
    const edit = JSON.parse(await readFile(configFile, 'utf8')) as { team: { id: string; roles: string[] }[] };
    edit.team.find((m) => m.id === 'tom.ward')!.roles = ['author', 'manager'];
    await writeFile(configFile, `${JSON.stringify(edit, null, 2)}\n`);
    await view.getByRole('button', { name: 'Check again' }).click();
    await expect(view.getByTestId('roster-differences')).toContainText('tom.ward');
    await expect(row('tom.ward').getByLabel('manager')).not.toBeChecked();

    // One changed byte in an old entry: the check names that entry.
    const logFile = path.join(ws, 'audit', 'log.jsonl');
    const lines = (await readFile(logFile, 'utf8')).split('\n');
    const edited = lines.findIndex((l) => l.includes('Checked against'));
    lines[edited] = lines[edited]!.replace('Checked against', 'Checked agains!');
    await writeFile(logFile, lines.join('\n'));
    await view.getByRole('button', { name: 'Check again' }).click();
    await expect(verdict).toHaveAttribute('data-ok', 'false');
    await expect(verdict).toContainText(`Broken in audit/log.jsonl at line ${edited + 1}`);
    await expect(page.getByTestId('trust-problem')).toContainText('Nothing counts as approved');
  } finally {
    await stopStudio(studio);
  }
});

test('the identity dialog opened before the workspace has loaded lists the team once it arrives, and nothing breaks', async ({
  page,
  studio,
}) => {
  // Hold the workspace's description back: the dialog opens on an empty roster (the publish specs
  // clicked that early by chance, and a selector that made a new [] each time blanked the studio).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  await page.route('**/api/workspace.info', async (route) => {
    // The first call checks the access token; the ones after it fill the studio's workspace store.
    if (++calls > 1) await held;
    await route.continue();
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(studio.url);
  await page.getByTestId('identity').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  release();
  await expect(dialog.getByTestId('member').filter({ hasText: 'Sara Koh' })).toContainText('manager');
  await expect(dialog.getByTestId('member').filter({ hasText: 'Mei Chen' })).toContainText('You');
  expect(errors).toEqual([]);
});

test('a part of the studio that fails to draw says so in place, the rest goes on working, and Reload recovers', async ({
  page,
  studio,
}) => {
  // A bridge that answers with a roster that is not a list: the dialog cannot draw it.
  let calls = 0;
  await page.route('**/api/workspace.info', async (route) => {
    if (++calls === 1) return route.continue();
    const body = (await (await route.fetch()).json()) as { ok: true; data: Record<string, unknown> };
    await route.fulfill({ json: { ...body, data: { ...body.data, team: 'not a list' } } });
  });
  // Caught by the boundary: nothing reaches the page as an uncaught error.
  const uncaught: string[] = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await page.goto(studio.url);
  await page.getByTestId('identity').click();
  const failed = page.getByTestId('view-failed');
  await expect(failed).toContainText('This part of the studio stopped working');
  // The top bar and the library were not taken down with it.
  await expect(page.getByRole('navigation', { name: 'views' })).toBeVisible();
  await expect(page.getByTestId('article-row').first()).toBeVisible();
  expect(uncaught).toEqual([]);

  await page.unroute('**/api/workspace.info');
  await failed.getByRole('button', { name: 'Reload the studio' }).click();
  await expect(page.getByTestId('view-failed')).toHaveCount(0);
  await page.getByTestId('identity').click();
  await expect(page.getByRole('dialog').getByTestId('member').filter({ hasText: 'Sara Koh' })).toContainText('manager');
});
