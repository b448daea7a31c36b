import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { searchChunks } from '../retrieval/index.js';
import { ChunkIndex } from './ChunkIndex.js';
import { indexDir, indexWorkspace } from './indexWorkspace.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let index: ChunkIndex;
beforeEach(async () => {
  ctx = await tempWorkspace({ sample: true });
  index = await ChunkIndex.open(indexDir(ctx.store));
});
afterEach(async () => {
  index.close();
  await ctx.cleanup();
});

describe('indexWorkspace', () => {
  it('indexes everything once, then only what changed, and drops deleted articles', async () => {
    const first = await indexWorkspace(ctx.store, index);
    expect(first.changed).toBe(first.articles);
    expect(first.chunks).toBeGreaterThan(first.articles);
    const again = await indexWorkspace(ctx.store, index);
    expect(again).toMatchObject({ changed: 0, removed: 0, chunksAdded: 0, chunksRemoved: 0, chunks: first.chunks });

    const article = await ctx.store.get('refund-policy');
    await ctx.store.save(article.id, {
      meta: article.meta,
      body: `${article.body}\n## Store credit\n\nWe can refund as zebra-credit instead.\n`,
    });
    const edited = await indexWorkspace(ctx.store, index);
    expect(edited.changed).toBe(1);
    expect(edited.chunksRemoved).toBeGreaterThan(0);
    expect(edited.chunksAdded).toBe(edited.chunksRemoved + 1);
    const found = await searchChunks(index, 'zebra credit', { mode: 'lexical' });
    expect(found.results[0]).toMatchObject({ articleId: 'refund-policy', headings: ['Store credit'] });

    await ctx.store.remove('refund-policy');
    const deleted = await indexWorkspace(ctx.store, index);
    expect(deleted.removed).toBe(1);
    expect(
      (await searchChunks(index, 'zebra credit', { mode: 'lexical' })).results.map((r) => r.articleId),
    ).not.toContain('refund-policy');
  });

  it("searches an article's summary with its title, and re-indexes an index written in an older row format", async () => {
    const first = await indexWorkspace(ctx.store, index);
    const article = await ctx.store.get('gift-cards');
    // The summary's word appears nowhere in the body: only the summary can find the article.
    await ctx.store.save(article.id, {
      meta: { ...article.meta, summary: 'Quokka vouchers explained' },
      body: article.body,
    });
    await indexWorkspace(ctx.store, index);
    const found = await searchChunks(index, 'quokka vouchers', { mode: 'lexical' });
    expect(found.results[0]?.articleId).toBe('gift-cards');

    // An index written before summaries were searched (no format file) is rewritten whole, once.
    await rm(path.join(indexDir(ctx.store), 'rows-format'));
    const upgraded = await indexWorkspace(ctx.store, index);
    expect(upgraded.changed).toBe(first.articles);
    expect(upgraded.chunks).toBe(first.chunks);
    expect((await indexWorkspace(ctx.store, index)).changed).toBe(0);
  });

  it('finds the Chinese refund article for 退款 through the full-text index', async () => {
    await indexWorkspace(ctx.store, index);
    const response = await searchChunks(index, '退款', { mode: 'lexical', k: 5 });
    expect(response.results.length).toBeGreaterThan(0);
    expect(response.results[0]!.locale).toBe('zh-CN');
    expect(response.results[0]!.articleId).toBe('zh-refund-timing');
    expect(response.terms).toEqual(['退款']);
    const zhOnly = await searchChunks(index, 'refund 退款', { mode: 'lexical', filter: { locale: 'zh-CN' } });
    expect(zhOnly.results.length).toBeGreaterThan(0);
    expect(zhOnly.results.every((r) => r.locale === 'zh-CN')).toBe(true);
    const both = await searchChunks(index, 'refund 退款', { mode: 'lexical' });
    expect(both.results.some((r) => r.locale === 'en')).toBe(true);
  });

  it('falls back to lexical search without a model and says so', async () => {
    await indexWorkspace(ctx.store, index);
    const response = await searchChunks(index, 'return window', { mode: 'hybrid' });
    expect(response.ranMode).toBe('lexical');
    expect(response.notice).toMatchObject({ code: 'NO_MODEL' });
    expect(response.results[0]!.explanation.lexical?.rank).toBe(1);
  });

  it('rebuilds a deleted or corrupt index from the workspace', async () => {
    const first = await indexWorkspace(ctx.store, index);
    index.close();
    await rm(indexDir(ctx.store), { recursive: true, force: true });
    index = await ChunkIndex.open(indexDir(ctx.store));
    expect((await indexWorkspace(ctx.store, index)).chunks).toBe(first.chunks);
    index.close();
    const tableDir = path.join(indexDir(ctx.store), 'chunks.lance');
    await rm(path.join(tableDir, '_versions'), { recursive: true, force: true });
    await writeFile(path.join(tableDir, '_versions'), 'garbage');
    index = await ChunkIndex.open(indexDir(ctx.store));
    expect((await indexWorkspace(ctx.store, index)).chunks).toBe(first.chunks);
  });
});
