import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { almanac, expect, repoRoot, test } from './studio';

const soakMs = Number(process.env.ALMANAC_SOAK_MS ?? 120_000);
const targets = ['refund-policy', 'shipping-options', 'zh-account-security'];

/** Append a marker line to an article through the studio's API, retrying on CONFLICT; returns acknowledged markers. */
async function writerLoop(page: Page, name: string, until: number): Promise<string[]> {
  return page.evaluate(
    async ({ name, until, targets }) => {
      const token = sessionStorage.getItem('almanac.token')!;
      const call = async (route: string, input: unknown) => {
        const res = await fetch(`/api/${route}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        });
        return (await res.json()) as {
          ok: boolean;
          data?: { meta: unknown; body: string; version: string };
          error?: { code: string; message: string };
        };
      };
      const acked: string[] = [];
      for (let n = 0; Date.now() < until; n++) {
        const id = targets[n % targets.length]!;
        const marker = `soak-${name}-${n}`;
        for (let attempt = 0; attempt < 20 && Date.now() < until + 10_000; attempt++) {
          const got = await call('articles.get', { id });
          if (!got.ok || !got.data) throw new Error(got.error?.message ?? 'no article');
          const saved = await call('articles.save', {
            id,
            meta: got.data.meta,
            body: `${got.data.body.trimEnd()}\n\n${marker}\n`,
            baseVersion: got.data.version,
          });
          if (saved.ok) {
            acked.push(`${id} ${marker}`);
            break;
          }
          if (saved.error!.code !== 'CONFLICT') throw new Error(saved.error!.message);
        }
        if (n % 5 === 4) {
          const committed = await call('versions.commit', { ids: [], message: `${name} commit ${n}` });
          if (!committed.ok && committed.error!.code !== 'NO_CHANGES') throw new Error(committed.error!.message);
        }
      }
      return acked;
    },
    { name, until, targets },
  );
}

test('two tabs and the command line edit, commit and index one workspace: nothing acknowledged is lost', async ({
  browser,
  studio,
}) => {
  test.setTimeout(soakMs + 240_000);
  const context = await browser.newContext();
  const [tabA, tabB] = [await context.newPage(), await context.newPage()];
  for (const tab of [tabA, tabB]) {
    await tab.goto(studio.url);
    await expect(tab.getByTestId('article-row').first()).toBeVisible();
  }
  const until = Date.now() + soakMs;
  const bin = path.join(repoRoot, 'main/cli/bin.ts');
  const cliLoop = (async () => {
    let runs = 0;
    const failures: string[] = [];
    while (Date.now() < until) {
      for (const args of [
        ['commit', studio.ws, '-m', `cli commit ${runs}`],
        ['index', studio.ws, '--model-dir', path.join(studio.ws, 'no-model-here')],
      ]) {
        const code = await new Promise<{ code: number; err: string }>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', bin, ...args], {
            cwd: repoRoot,
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let err = '';
          child.stderr.on('data', (d: Buffer) => (err += d.toString()));
          child.on('exit', (c) => resolve({ code: c ?? 1, err }));
        });
        // "No article has changed" is a normal answer to a commit with nothing new.
        if (code.code !== 0 && !/has changed since its last version/.test(code.err)) failures.push(code.err.trim());
      }
      runs++;
    }
    return { runs, failures };
  })();
  const [ackedA, ackedB, cli] = await Promise.all([
    writerLoop(tabA, 'A', until),
    writerLoop(tabB, 'B', until),
    cliLoop,
  ]);
  await context.close();
  expect(cli.failures).toEqual([]);
  expect(cli.runs).toBeGreaterThan(0);
  expect(ackedA.length).toBeGreaterThan(5);
  expect(ackedB.length).toBeGreaterThan(5);

  const fsck = spawnSync('git', ['-C', studio.ws, 'fsck', '--full', '--strict'], { encoding: 'utf8' });
  expect(fsck.status, fsck.stderr).toBe(0);
  const log = spawnSync('git', ['-C', studio.ws, 'log', '-p', '--format=%H'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  for (const entry of [...ackedA, ...ackedB]) {
    const [id, marker] = entry.split(' ');
    const working = await readFile(path.join(studio.ws, 'articles', `${id}.md`), 'utf8');
    expect(working.includes(marker!) || log.stdout.includes(marker!), entry).toBe(true);
  }
  almanac('index', studio.ws, '--model-dir', path.join(studio.ws, 'no-model-here'));
  const verify = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'tests/fixtures/verifyWorkspace.ts'), studio.ws],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  const state = JSON.parse(verify.stdout) as { rows: number; distinctIds: number; stale: string[] };
  expect(state.rows).toBe(state.distinctIds);
  expect(state.stale).toEqual([]);
});
