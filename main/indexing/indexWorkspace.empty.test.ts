import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { searchChunks } from '../retrieval/index.js';
import { ChunkIndex } from './ChunkIndex.js';
import { articleRows, indexDir, indexWorkspace } from './indexWorkspace.js';
import { defaultChunkOptions } from './chunkMarkdown.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let index: ChunkIndex;
beforeEach(async () => {
  ctx = await tempWorkspace();
  index = await ChunkIndex.open(indexDir(ctx.store));
});
afterEach(async () => {
  index.close();
  await ctx.cleanup();
});

describe('indexWorkspace with empty articles', () => {
  it('indexes an empty article once and then counts it as up to date', async () => {
    await ctx.store.create({ title: 'Gift wrapping', body: 'We wrap gifts for free at checkout.\n' });
    const empty = await ctx.store.create({ title: 'Coming soon', body: '  \n\n' });

    const first = await indexWorkspace(ctx.store, index);
    expect(first).toMatchObject({ articles: 2, changed: 1, chunksAdded: 1 });
    expect(first.skipped).toEqual([{ id: empty.id, reason: 'empty body' }]);

    const again = await indexWorkspace(ctx.store, index);
    expect(again).toMatchObject({ changed: 0, removed: 0, chunksAdded: 0, chunksRemoved: 0, chunks: 1 });

    await ctx.store.save(empty.id, { meta: empty.meta, body: 'Now with text about ribbons.\n' });
    expect(await indexWorkspace(ctx.store, index)).toMatchObject({ changed: 1, chunks: 2, skipped: [] });
    const filled = await ctx.store.get(empty.id);
    await ctx.store.save(empty.id, { meta: filled.meta, body: '' });
    expect(await indexWorkspace(ctx.store, index)).toMatchObject({ changed: 1, chunksRemoved: 1, chunks: 1 });
    expect(await indexWorkspace(ctx.store, index)).toMatchObject({ changed: 0, chunks: 1 });
  });

  it('does not index the words of link targets', async () => {
    const zh = await ctx.store.create({
      title: '退款说明',
      locale: 'zh-CN',
      body: '到账时间请看[退款时间](zh-refund-timing.md)。\n',
    });
    const [row] = articleRows(zh, defaultChunkOptions);
    expect(row!.text).toContain('zh-refund-timing.md');
    expect(row!.lex.split(' ')).toContain('退款');
    expect(row!.lex.split(' ')).not.toContain('timing');

    await indexWorkspace(ctx.store, index);
    expect((await searchChunks(index, 'timing', { mode: 'lexical' })).results).toEqual([]);
    expect((await searchChunks(index, '退款时间', { mode: 'lexical' })).results[0]?.articleId).toBe(zh.id);
  });
});
