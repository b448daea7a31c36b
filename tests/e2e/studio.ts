import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test as base, type Locator, type Page } from '@playwright/test';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repoRoot, 'main/cli/bin.ts');

export interface RunOptions {
  /** Extra environment, e.g. ALMANAC_CONFIG_DIR so keys stay in a temp folder. */
  env?: Record<string, string>;
}

/** Run the command line synchronously, as a user would; a trailing options object sets its environment. */
export function almanac(...args: string[] | [...string[], RunOptions]) {
  const last = args.at(-1);
  const options = typeof last === 'object' ? last : {};
  const argv = (args as (string | RunOptions)[]).filter((a): a is string => typeof a === 'string');
  const res = spawnSync(process.execPath, ['--import', 'tsx', bin, ...argv], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
  });
  if (res.status !== 0 && res.status !== 3) throw new Error(`almanac ${argv.join(' ')} failed: ${res.stderr}`);
  return res;
}

export interface Studio {
  ws: string;
  url: string;
  port: number;
  token: string;
  /** ALMANAC_CONFIG_DIR of the studio: where its members' private keys live. */
  configDir: string;
}

/**
 * Start `almanac web` on a workspace and stop it afterwards. Keys go to `options.configDir`, else to a
 * fresh temp folder, never to the real home folder.
 */
export async function startStudio(
  ws: string,
  modelDir?: string,
  options: { configDir?: string } = {},
): Promise<Studio & { child: ChildProcess }> {
  const configDir = options.configDir ?? (await mkdtemp(path.join(tmpdir(), 'almanac-config-')));
  const model = modelDir ? ['--model-dir', modelDir] : ['--model-dir', path.join(ws, 'no-model-here')];
  const child = spawn(process.execPath, ['--import', 'tsx', bin, 'web', ws, '--port', '0', '--json', ...model], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ALMANAC_CONFIG_DIR: configDir },
  });
  if (!options.configDir) child.once('exit', () => void rm(configDir, { recursive: true, force: true }));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`almanac web exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; port: number; token: string };
  return { ws, child, configDir, ...info };
}

/** Stop `almanac web` and wait until it has exited, so its background indexing is done with the folder. */
export async function stopStudio(studio: { child: ChildProcess }): Promise<void> {
  if (studio.child.exitCode !== null || studio.child.signalCode !== null) return;
  const exited = new Promise((resolve) => studio.child.once('exit', resolve));
  studio.child.kill('SIGTERM');
  await exited;
}

/** The longest gap between animation frames over `ms`, measured in the page: a freeze shows up here. */
export function worstFrameGap(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        const end = last + duration;
        const tick = (now: number) => {
          worst = Math.max(worst, now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(worst);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

export const test = base.extend<{ workspace: { ws: string; dir: string }; studio: Studio }>({
  // Playwright reads fixture dependencies from the destructuring pattern, so it must be there.
  // eslint-disable-next-line no-empty-pattern
  workspace: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'almanac-e2e-'));
    const ws = path.join(dir, 'ws');
    almanac('init', ws, '--sample');
    // Mei Chen (author and reviewer of the sample; a demo key) is signed in: once a workspace has a
    // team, every save and import is signed.
    almanac('team', 'join', ws, '--id', 'mei.chen');
    await use({ ws, dir });
    await rm(dir, { recursive: true, force: true });
  },
  studio: async ({ workspace }, use) => {
    const studio = await startStudio(workspace.ws);
    await use(studio);
    await stopStudio(studio);
  },
});

export { expect };

/** Select a passage of a review's rendered text, as a reviewer does with the mouse, to comment on it. */
export async function selectPassage(detail: Locator, text: string) {
  await detail.getByRole('button', { name: 'Rendered' }).click();
  const rendered = detail.getByTestId('diff-rendered');
  await expect(rendered).toContainText(text);
  await rendered.evaluate((root, quote) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(quote);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + quote.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
  }, text);
}

/**
 * Wait until every image in `scope` has finished loading or failing (its error event has fired): a
 * script an image could smuggle in would have run by then.
 */
export async function expectImagesSettled(scope: Locator): Promise<void> {
  await expect
    .poll(() =>
      scope
        .locator('img')
        .evaluateAll((imgs) => imgs.length > 0 && imgs.every((img) => (img as HTMLImageElement).complete)),
    )
    .toBe(true);
}
