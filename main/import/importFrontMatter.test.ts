import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { importPaths } from './importPaths.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let src: string;
beforeEach(async () => {
  ctx = await tempWorkspace();
  src = path.join(ctx.dir, 'site');
  await mkdir(src);
});
afterEach(() => ctx.cleanup());

const page = (front: string, body = 'Some text about the topic.') => `---\n${front}\n---\n\n${body}\n`;

describe('front matter from other tools', () => {
  it('maps description, categories and hidden pages, and keeps unknown fields on round trip', async () => {
    await writeFile(
      path.join(src, 'billing.md'),
      page(
        'title: Billing\ndescription: How we bill you\ncategories: [payments, account]\nlayout: article\nnav_order: 3',
      ),
    );
    await writeFile(path.join(src, 'secret.md'), page('title: Secret page\nhidden: true'));
    await writeFile(path.join(src, 'wip.md'), page('title: Work in progress\npublished: false'));
    const report = await importPaths(ctx.store, [src]);
    expect(report.failed).toEqual([]);
    const billing = await ctx.store.get('billing');
    expect(billing.meta).toMatchObject({
      summary: 'How we bill you',
      tags: ['payments', 'account'],
      extra: { layout: 'article', nav_order: 3 },
    });
    expect(billing.status).toBe('draft');
    expect((await ctx.store.get('secret')).status).toBe('archived');
    expect((await ctx.store.get('wip')).status).toBe('archived');
    expect(report.imported.find((a) => a.id === 'secret')?.notes).toEqual([
      expect.stringContaining('not live on its site (hidden: true)'),
    ]);
    await ctx.store.save('billing', { meta: billing.meta, body: `${billing.body}More.\n` });
    const text = await readFile(path.join(ctx.ws.articlesDir, 'billing.md'), 'utf8');
    expect(text).toContain('layout: article');
    expect(text).toContain('nav_order: 3');
  });

  it('warns about a duplicated key (the last wins) and coerces scalars to strings', async () => {
    await writeFile(path.join(src, 'dup.md'), page('title: First\ntitle: Second\ntags: [a]'));
    await writeFile(path.join(src, 'num.md'), page('title: 123\nowner: 42'));
    const report = await importPaths(ctx.store, [src]);
    expect(report.failed).toEqual([]);
    expect((await ctx.store.get('dup')).title).toBe('Second');
    const note = report.imported.find((a) => a.id === 'dup')!.notes!.join('\n');
    expect(note).toMatch(/"title" is given twice .*line 2.*last one is used/);
    expect(await ctx.store.get('num')).toMatchObject({ title: '123', owner: '42' });
  });

  it('names the file and the fix for front matter that is not YAML, without a dangling colon', async () => {
    await writeFile(path.join(src, 'broken.md'), '---\ntitle: [unclosed\n---\nBody\n');
    const report = await importPaths(ctx.store, [src]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.source).toContain('broken.md');
    expect(report.failed[0]!.reason).toMatch(/not valid YAML: .*line \d+.* Fix the block/);
    expect(report.failed[0]!.reason).not.toMatch(/:\s*$/);
  });

  it('uses the description when a page has no other text, and reports a page left empty', async () => {
    await writeFile(path.join(src, 'stub.md'), page('title: Stub\ndescription: Only a description here.', ''));
    await writeFile(path.join(src, 'empty.md'), page('title: Empty', '{% include toc.html %}\n'));
    const report = await importPaths(ctx.store, [src]);
    expect((await ctx.store.get('stub')).body.trim()).toBe('Only a description here.');
    expect(report.failed).toEqual([expect.objectContaining({ reason: expect.stringMatching(/no text/) })]);
    expect(report.failed[0]!.source).toContain('empty.md');
  });

  it('reads Hugo TOML front matter', async () => {
    await writeFile(
      path.join(src, 'toml.md'),
      '+++\ntitle = "Shipping"\ntags = ["orders"]\ndraft = true\n+++\n\nWe ship daily.\n',
    );
    await importPaths(ctx.store, [src]);
    expect(await ctx.store.get('toml')).toMatchObject({ title: 'Shipping', tags: ['orders'], status: 'archived' });
  });

  it('makes titles plain text', async () => {
    await writeFile(path.join(src, 't.md'), page('title: "<b>Bold</b> <script>alert(1)</script>title"'));
    await importPaths(ctx.store, [src]);
    expect((await ctx.store.get('t')).title).toBe('Bold title');
  });
});

describe('front matter the generators accept', () => {
  it('reads tab-indented flow lists and block lists as Hugo does, and still rejects broken YAML', async () => {
    await writeFile(path.join(src, 'moved.md'), page('title: Moved page\naliases: [\n\t/old/moved/,\n\t/older/\n]'));
    await writeFile(path.join(src, 'listed.md'), page('title: Listed\ntags:\n\t- billing\n\t- refunds'));
    await writeFile(path.join(src, 'broken.md'), page('title: [unclosed'));
    const report = await importPaths(ctx.store, [src]);
    expect(report.failed.map((f) => path.basename(f.source))).toEqual(['broken.md']);
    expect(report.failed[0]!.reason).toMatch(/not valid YAML/);
    expect((await ctx.store.get('moved')).meta.title).toBe('Moved page');
    expect((await ctx.store.get('listed')).meta.tags).toEqual(['billing', 'refunds']);
  });
});
