import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { searchChunks } from '../retrieval/index.js';
import { ChunkIndex } from './ChunkIndex.js';
import { IndexService } from './IndexService.js';
import { defaultChunkOptions } from './chunkMarkdown.js';
import { articleRows, indexDir, indexWorkspace } from './indexWorkspace.js';
import { ArticleStore } from '../articles/index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace({ sample: true });
  for (let i = 0; i < 600; i++) {
    await writeFile(
      path.join(ctx.ws.articlesDir, `gen-${i}.md`),
      `---\ntitle: Generated ${i}\nlocale: en\n---\n\n## Part one\n\nParagraph about topic ${i} and the quokka-${i} feature.\n\n## Part two\n\nMore text ${i}.\n`,
    );
  }
});
afterEach(() => ctx.cleanup());

describe('two writers indexing one workspace', () => {
  it('duplicate rows left by two writers are found and rebuilt on the next run', async () => {
    const index = await ChunkIndex.open(indexDir(ctx.store));
    const first = await indexWorkspace(ctx.store, index);
    const refund = (await index.rowsForVectors()).filter((r) => r.article_id === 'refund-policy');
    expect(refund.length).toBeGreaterThan(0);
    await index.add(articleRows(await ctx.store.get('refund-policy'), defaultChunkOptions));
    expect(await index.duplicatedArticles()).toEqual(['refund-policy']);
    const healed = await indexWorkspace(ctx.store, index);
    expect(healed.chunks).toBe(first.chunks);
    expect(await index.duplicatedArticles()).toEqual([]);
    index.close();
  }, 120_000);

  it('two index handles writing at once (as two processes do) leave one row per chunk id', async () => {
    const [a, b] = await Promise.all([ChunkIndex.open(indexDir(ctx.store)), ChunkIndex.open(indexDir(ctx.store))]);
    const other = new ArticleStore(ctx.ws);
    const reports = await Promise.all([indexWorkspace(ctx.store, a), indexWorkspace(other, b)]);
    expect(reports.map((r) => r.chunks)).toEqual([reports[0]!.chunks, reports[0]!.chunks]);
    const rows = await a.rowsForVectors();
    expect(rows.length).toBe(reports[0]!.chunks);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    a.close();
    b.close();
  }, 240_000);

  it('the command line and the studio indexer at once leave one row per chunk id and correct results', async () => {
    const service = new IndexService(ctx.store, { modelDir: path.join(ctx.dir, 'no-model') });
    const bin = path.join(repoRoot, 'main/cli/bin.ts');
    const cli = new Promise<{ code: number; err: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', bin, 'index', ctx.ws.root, '--model-dir', path.join(ctx.dir, 'no-model')],
        { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => resolve({ code: code ?? 1, err }));
    });
    const studio = service.refresh();
    const [{ code, err }] = await Promise.all([cli, studio]);
    expect(err).not.toMatch(/conflict/i);
    expect(code).toBe(0);
    expect(service.status.state).toBe('idle');
    await service.close();

    const index = await ChunkIndex.open(indexDir(ctx.store));
    const rows = await index.rowsForVectors();
    expect(rows.length).toBeGreaterThan(1200);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(await index.duplicatedArticles()).toEqual([]);
    const found = await searchChunks(index, 'quokka-417', { mode: 'lexical', k: 3 });
    expect(found.results[0]?.articleId).toBe('gen-417');
    index.close();
  }, 240_000);
});
