import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { importPaths } from './importPaths.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let src: string;
beforeEach(async () => {
  ctx = await tempWorkspace();
  src = path.join(ctx.dir, 'docs');
  await mkdir(path.join(src, 'guide'), { recursive: true });
  await mkdir(path.join(src, 'config'), { recursive: true });
  await writeFile(path.join(src, 'guide/index.md'), '# Guide\n\nStart here to learn the product.\n');
  await writeFile(path.join(src, 'config/index.md'), '# Configuration\n\nEvery setting explained.\n');
});
afterEach(() => ctx.cleanup());

const bodies = async () => {
  const out: Record<string, string> = {};
  for (const a of await ctx.store.list()) out[a.id] = (await ctx.store.get(a.id)).body.trim();
  return out;
};

describe('import identity', () => {
  it('gives nested index pages readable ids and records their source', async () => {
    const report = await importPaths(ctx.store, [path.join(src, 'guide'), path.join(src, 'config')]);
    expect(report.failed).toEqual([]);
    expect(report.imported.map((a) => [a.id, a.status])).toEqual([
      ['guide-index', 'created'],
      ['config-index', 'created'],
    ]);
    expect((await ctx.store.get('guide-index')).meta.source).toEqual({ collection: 'docs', path: 'guide/index.md' });
  });

  it('a later import of one folder updates its own article and never overwrites another', async () => {
    await importPaths(ctx.store, [path.join(src, 'guide'), path.join(src, 'config')]);
    await writeFile(path.join(src, 'config/index.md'), '# Configuration\n\nEvery setting, now with examples.\n');
    const again = await importPaths(ctx.store, [path.join(src, 'config')]);
    expect(again.imported).toEqual([expect.objectContaining({ id: 'config-index', status: 'updated' })]);
    expect(await bodies()).toEqual({
      'guide-index': 'Start here to learn the product.',
      'config-index': 'Every setting, now with examples.',
    });
  });

  it('a new file whose natural id is taken by another source gets a fresh id', async () => {
    await writeFile(path.join(src, 'evil.md'), '# Evil\n\nMarkdown version.\n');
    await writeFile(path.join(src, 'evil.html'), '<h1>Evil</h1><p>HTML version.</p>');
    const first = await importPaths(ctx.store, [src]);
    expect(first.failed).toEqual([]);
    const ids = first.imported.map((a) => a.id).sort();
    expect(ids).toEqual(['config-index', 'evil', 'evil-2', 'guide-index']);
    const before = await bodies();
    expect(Object.values(before)).toEqual(expect.arrayContaining(['Markdown version.', 'HTML version.']));
    await ctx.store.create({ title: 'Other', id: 'other', body: 'Written in Almanac.' });
    await writeFile(path.join(src, 'other.md'), '# Other\n\nFrom the site.\n');
    const next = await importPaths(ctx.store, [path.join(src, 'other.md')]);
    expect(next.imported).toEqual([expect.objectContaining({ id: 'other-2', status: 'created' })]);
    expect((await ctx.store.get('other')).body.trim()).toBe('Written in Almanac.');
  });

  it('re-importing a whole folder twice changes nothing the second time', async () => {
    await writeFile(path.join(src, 'faq.csv'), 'question,answer\nHow do I pay?,By card.\n怎么退款?,在订单页申请。\n');
    await writeFile(path.join(src, 'corpus.jsonl'), '{"id":"c-1","title":"Masks","text":"Wear one."}\n');
    const first = await importPaths(ctx.store, [src]);
    expect(first.counts).toMatchObject({ created: 5, reported: 0 });
    const files = await readdir(ctx.ws.articlesDir);
    const texts = await Promise.all(files.map((f) => readFile(path.join(ctx.ws.articlesDir, f), 'utf8')));
    const second = await importPaths(ctx.store, [src]);
    expect(second.imported.map((a) => a.status)).toEqual(Array(5).fill('unchanged'));
    expect(second.counts).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(await Promise.all(files.map((f) => readFile(path.join(ctx.ws.articlesDir, f), 'utf8')))).toEqual(texts);
  });

  it('keeps Chinese file names and titles readable as ids', async () => {
    await writeFile(path.join(src, '退款 政策.md'), '# 退款政策\n\n我们在十四天内退款。\n');
    await writeFile(path.join(src, 'q.csv'), 'question,answer\n如何修改密码,在设置页修改。\n');
    const report = await importPaths(ctx.store, [path.join(src, '退款 政策.md'), path.join(src, 'q.csv')]);
    expect(report.failed).toEqual([]);
    expect(report.imported.map((a) => a.id)).toEqual(['退款-政策', '如何修改密码']);
  });
});
