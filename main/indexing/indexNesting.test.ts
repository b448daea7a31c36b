import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { searchChunks, searchKnowledge, type SearchResponse } from '../retrieval/index.js';
import { ChunkIndex } from './ChunkIndex.js';
import { indexDir, indexWorkspace } from './indexWorkspace.js';
import { maxMarkdownNesting } from './markdownNesting.js';

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

/** Hostile bodies as someone might drop them straight into articles/, past the importer. */
const hostile: Record<string, string> = {
  quotes: '>'.repeat(5000),
  divs: `${'<div>'.repeat(2000)}zebra hidden${'</div>'.repeat(2000)}`,
  list: Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n'),
};

async function writeArticle(id: string, title: string, body: string): Promise<void> {
  await writeFile(
    path.join(ctx.ws.articlesDir, `${id}.md`),
    `---\nid: ${id}\ntitle: ${title}\nlocale: en\n---\n\n${body}\n`,
  );
}

describe('indexing a workspace with deeply nested articles', () => {
  it('leaves out 5,000 ">" and a 1,500-level list with the reason, and indexes and searches the others', async () => {
    await ctx.store.create({ title: 'Gift wrapping', body: 'We wrap gifts for free at checkout.\n' });
    await ctx.store.create({ title: 'Refunds', body: '> [!NOTE]\n> Refunds take five days.\n\n- By card\n  - Visa\n' });
    for (const [id, body] of Object.entries(hostile)) await writeArticle(`hostile-${id}`, `Hostile ${id}`, body);

    const report = await indexWorkspace(ctx.store, index);
    expect(report.articles).toBe(5);
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.id, s.reason]));
    expect(skipped['hostile-quotes']).toMatch(
      `Markdown nested 5,000 levels deep (block quotes or lists inside each other); the limit is ${maxMarkdownNesting}`,
    );
    expect(skipped['hostile-list']).toMatch('nested 1,500 levels deep');
    // 2,000 nested <div> are one raw HTML block to the Markdown parser: indexed as text, never a crash.
    expect(skipped['hostile-divs']).toBeUndefined();
    expect(report.changed).toBe(3);

    const gifts = await searchChunks(index, 'gift wrapping', { mode: 'lexical' });
    expect(gifts.results[0]?.articleId).toBe('gift-wrapping');
    const refunds = await searchKnowledge(index, 'refunds five days', { mode: 'lexical' });
    expect(refunds.results[0]?.articleId).toBe('refunds');
    const zebra = await searchChunks(index, 'zebra', { mode: 'lexical' });
    expect(zebra.results.map((r) => r.articleId)).toEqual(['hostile-divs']);

    // The next run stays quiet about the good articles and still names the nested ones.
    const again = await indexWorkspace(ctx.store, index);
    expect(again).toMatchObject({ changed: 0, chunksAdded: 0 });
    expect(again.skipped.map((s) => s.id).sort()).toEqual(['hostile-list', 'hostile-quotes']);

    // An article indexed before and nested too deeply now loses its rows.
    await writeArticle('gift-wrapping', 'Gift wrapping', `${'>'.repeat(500)} gifts`);
    const edited = await indexWorkspace(ctx.store, index);
    expect(edited.changed).toBe(1);
    expect((await searchChunks(index, 'gift wrapping', { mode: 'lexical' })).results).toEqual([]);
  });

  it('keeps `almanac index` and `almanac search` working with such an article in the workspace', async () => {
    index.close();
    await ctx.store.create({ title: 'Opening hours', body: 'We open at nine and close at six.\n' });
    await writeArticle('hostile-quotes', 'Hostile quotes', hostile.quotes!);
    await writeArticle('hostile-list', 'Hostile list', hostile.list!);
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'main/cli/bin.ts'), ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, ALMANAC_CONFIG_DIR: path.join(ctx.dir, 'config') },
      });
    const noModel = ['--model-dir', path.join(ctx.dir, 'no-model-here'), '--json'];
    const indexed = cli('index', ctx.ws.root, ...noModel);
    expect(indexed.status, indexed.stderr).toBe(0);
    expect((JSON.parse(indexed.stdout) as { skipped: { id: string }[] }).skipped.map((s) => s.id).sort()).toEqual([
      'hostile-list',
      'hostile-quotes',
    ]);
    const search = cli('search', ctx.ws.root, 'opening hours', ...noModel);
    expect(search.status, search.stderr).toBe(0);
    expect((JSON.parse(search.stdout) as SearchResponse).results[0]?.articleId).toBe('opening-hours');
    index = await ChunkIndex.open(indexDir(ctx.store));
  });
});
