import { readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { openWorkspace } from '../session/index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace();
});
afterEach(() => ctx.cleanup());

describe('stale temp files', () => {
  it('are removed on open when old, and kept while a write may be in progress', async () => {
    const dir = ctx.ws.articlesDir;
    await writeFile(path.join(dir, 'keep.md'), '---\ntitle: Keep\nlocale: en\n---\nText\n');
    await writeFile(path.join(dir, 'refund.md.1234567890'), 'partial');
    await writeFile(path.join(dir, '.faq.md.0123456789ab.tmp'), 'partial');
    await writeFile(path.join(dir, 'fresh.md.987654'), 'being written');
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(path.join(dir, 'refund.md.1234567890'), old, old);
    await utimes(path.join(dir, '.faq.md.0123456789ab.tmp'), old, old);
    await openWorkspace(ctx.ws.root);
    expect((await readdir(dir)).sort()).toEqual(['fresh.md.987654', 'keep.md']);
  });
});
