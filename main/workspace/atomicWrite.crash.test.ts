import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace();
});
afterEach(() => ctx.cleanup());

const count = 2;
const size = 4 * 1024 * 1024;

describe('autosave under SIGKILL', () => {
  it('leaves every article file whole: old or new content, never truncated', async () => {
    for (let i = 0; i < count; i++)
      await ctx.store.create({ id: `crash-${i}`, title: `Crash ${i}`, locale: 'en', body: 'A'.repeat(size) });
    const script = path.join(repoRoot, 'tests/fixtures/autosaveLoop.ts');
    for (let kill = 0; kill < 12; kill++) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, ctx.ws.root, String(count), String(size)], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let saves = 0;
      const target = 2 + (kill % 4);
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          saves += chunk.toString().split('\n').filter(Boolean).length;
          if (saves >= target) {
            setTimeout(() => child.kill('SIGKILL'), (kill * 7) % 40);
            resolve();
          }
        });
      });
      await new Promise((resolve) => child.once('exit', resolve));
      expect(child.signalCode).toBe('SIGKILL');
      for (let i = 0; i < count; i++) {
        const article = await ctx.store.get(`crash-${i}`);
        expect(article.status).not.toBe('invalid');
        expect([`${'A'.repeat(size)}\n`, `${'B'.repeat(size)}\n`]).toContain(article.body);
        const raw = await readFile(path.join(ctx.ws.articlesDir, `crash-${i}.md`), 'utf8');
        expect(raw.endsWith('\n')).toBe(true);
      }
    }
  }, 180_000);
});
