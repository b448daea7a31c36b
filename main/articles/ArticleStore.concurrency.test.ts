import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace();
});
afterEach(() => ctx.cleanup());

describe('ArticleStore under concurrent writers', () => {
  it('50 concurrent saves from one base version: exactly 1 ok, 49 CONFLICT, every refused text kept', async () => {
    const a = await ctx.store.create({ title: 'Shipping', locale: 'en', body: 'base' });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        ctx.store.save(a.id, { meta: a.meta, body: `edit ${i}`, baseVersion: a.version }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(49);
    expect(refused.every((e) => e instanceof AlmanacError && e.code === 'CONFLICT')).toBe(true);
    const winner = (ok[0] as PromiseFulfilledResult<{ body: string }>).value.body.trim();
    expect((await ctx.store.get(a.id)).body.trim()).toBe(winner);
    const kept = await readdir(path.join(ctx.ws.localDir, 'conflicts'));
    expect(kept).toHaveLength(49);
    const texts = await Promise.all(kept.map((f) => readFile(path.join(ctx.ws.localDir, 'conflicts', f), 'utf8')));
    const all = new Set([winner, ...texts.map((t) => /edit \d+/.exec(t)![0])]);
    expect(all.size).toBe(50);
  });

  it('20 concurrent creates with one title give 20 distinct ids and 20 files', async () => {
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ctx.store.create({ title: 'Same title', locale: 'en', body: `n${i}` })),
    );
    expect(new Set(made.map((a) => a.id)).size).toBe(20);
    const files = (await readdir(ctx.ws.articlesDir)).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(20);
    const bodies = await Promise.all(made.map((a) => ctx.store.get(a.id).then((x) => x.body.trim())));
    expect(new Set(bodies).size).toBe(20);
  });

  it('reports a symlinked article and never reads or writes through it', async () => {
    const outside = path.join(ctx.dir, 'outside.txt');
    await writeFile(outside, 'secret outside the workspace');
    await symlink(outside, path.join(ctx.ws.articlesDir, 'x.md'));
    const listed = (await ctx.store.list()).find((a) => a.id === 'x');
    expect(listed).toMatchObject({ status: 'invalid' });
    expect(listed?.problems?.[0]?.message).toMatch(/symbolic link/);
    const got = await ctx.store.get('x');
    expect(got.body).toBe('');
    const err = await ctx.store
      .save('x', { meta: { ...got.meta, title: 'Hijack' }, body: 'overwrite' })
      .catch((e: unknown) => e);
    expect((err as AlmanacError).code).toBe('VALIDATION_FAILED');
    expect(await readFile(outside, 'utf8')).toBe('secret outside the workspace');
  });
});
