import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEncoderModel } from '../../tests/fixtures/makeEncoderModel.js';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { searchChunks, vectorSearchFor } from '../retrieval/index.js';
import { ChunkIndex, chunksRepairedNotice } from './ChunkIndex.js';
import { defaultChunkOptions } from './chunkMarkdown.js';
import { articleRows, indexDir, indexWorkspace } from './indexWorkspace.js';
import { openRetrieval, type Retrieval } from './openRetrieval.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let modelDir: string;
beforeAll(async () => {
  ctx = await tempWorkspace({ sample: true });
  modelDir = await makeEncoderModel(path.join(ctx.dir, 'model'));
});
afterAll(() => ctx.cleanup());

/** Index the workspace and fill its vectors, as `almanac index` does. */
async function indexAll(retrieval: Retrieval) {
  const report = await indexWorkspace(ctx.store, retrieval.index);
  const semantic = await retrieval.semantic();
  if (!('vectors' in semantic)) throw new Error(`no model: ${semantic.modelNotice}`);
  const fill = await semantic.vectors.sync(await retrieval.index.rowsForVectors(), semantic.embedder);
  return { report, fill, semantic };
}

/** Rows per table of the index folder, read with a fresh connection. */
async function tableCounts(dir: string): Promise<Record<string, number>> {
  const db = await lancedb.connect(dir);
  const out: Record<string, number> = {};
  for (const name of await db.tableNames()) {
    const table = await db.openTable(name);
    out[name.replace(/_.*/, '')] = await table.countRows();
    table.close();
  }
  db.close();
  return out;
}

/** Overwrite every data file of a table with junk of the same size, leaving its manifests intact. */
async function corruptDataFiles(tableDir: string): Promise<number> {
  const dataDir = path.join(tableDir, 'data');
  const files = (await readdir(dataDir)).filter((f) => f.endsWith('.lance'));
  for (const f of files) {
    const file = path.join(dataDir, f);
    const { size } = await stat(file);
    const handle = await open(file, 'r+');
    await handle.write(Buffer.alloc(size, 0xa5), 0, size, 0);
    await handle.close();
  }
  return files.length;
}

describe('ChunkIndex.open repairs only the chunks table (real LanceDB, tiny model)', () => {
  it('rebuilds corrupt chunks from the articles and keeps vectors and the embedding cache', async () => {
    const dir = indexDir(ctx.store);
    const first = await openRetrieval(dir, { modelDir });
    const built = await indexAll(first);
    expect(first.index.repaired).toBeUndefined();
    expect(built.fill.embedded).toBeGreaterThan(0);
    await first.close();
    const before = await tableCounts(dir);
    expect(before).toMatchObject({ chunks: built.report.chunks, vec: built.report.chunks });
    expect(before.cache).toBeGreaterThan(0);

    expect(await corruptDataFiles(path.join(dir, 'chunks.lance'))).toBeGreaterThan(0);

    const second = await openRetrieval(dir, { modelDir });
    try {
      expect(second.index.repaired).toBe(chunksRepairedNotice);
      expect(await second.index.count()).toBe(0);
      const during = await tableCounts(dir);
      expect(during.chunks).toBeUndefined();
      expect(during).toMatchObject({ vec: before.vec, cache: before.cache });

      const rebuilt = await indexAll(second);
      expect(rebuilt.report).toMatchObject({ changed: built.report.articles, chunks: built.report.chunks });
      expect(rebuilt.fill).toMatchObject({ embedded: 0, total: built.report.chunks });
      expect(await rebuilt.semantic.vectors.count()).toBe(built.report.chunks);
      expect((await tableCounts(dir)).cache).toBe(before.cache);

      const vectorSearch = vectorSearchFor(second.index, rebuilt.semantic.vectors, (q) =>
        rebuilt.semantic.embedder.embedQuery(q),
      );
      const lexical = await searchChunks(second.index, '退款', { mode: 'lexical', k: 3 });
      expect(lexical.results[0]?.articleId).toBe('zh-refund-timing');
      const hybrid = await searchChunks(second.index, 'refund', { mode: 'hybrid', k: 5, vectorSearch });
      expect(hybrid.ranMode).toBe('hybrid');
      expect(hybrid.results.some((r) => r.explanation.vector)).toBe(true);
    } finally {
      await second.close();
    }
  });

  /**
   * Flip one byte of a table's largest data file at `share` of its length (past the first rows a
   * quick probe reads); flipping it again puts the file back.
   */
  async function flipByte(tableDir: string, share = 0.45): Promise<void> {
    const data = path.join(tableDir, 'data');
    const files = (await readdir(data)).filter((f) => f.endsWith('.lance'));
    const sizes = await Promise.all(files.map(async (f) => (await stat(path.join(data, f))).size));
    const file = path.join(data, files[sizes.indexOf(Math.max(...sizes))]!);
    const at = Math.floor(Math.max(...sizes) * share);
    const handle = await open(file, 'r+');
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, at);
    byte[0] = byte[0]! ^ 0xff;
    await handle.write(byte, 0, 1, at);
    await handle.close();
  }

  it('heals one flipped byte deep in a data file: a rebuild with a notice, and search answers again', async () => {
    const dir = indexDir(ctx.store);
    const first = await openRetrieval(dir, { modelDir });
    await indexAll(first);
    await first.close();
    // A byte inside a stored text decodes as other text (LanceDB keeps no checksums): damage is
    // what breaks the decoding, so the flip moves on through the second half until one does.
    let second: Awaited<ReturnType<typeof openRetrieval>> | undefined;
    for (const share of [0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]) {
      await flipByte(path.join(dir, 'chunks.lance'), share);
      second = await openRetrieval(dir, { modelDir });
      if (second.index.repaired) break;
      await second.close();
      second = undefined;
      await flipByte(path.join(dir, 'chunks.lance'), share);
    }
    if (!second) throw new Error('No flipped byte in the second half of the data file broke the decoding.');
    try {
      expect(second.index.repaired).toBe(chunksRepairedNotice);
      await indexAll(second);
      expect((await searchChunks(second.index, 'refund', { mode: 'lexical', k: 3 })).results.length).toBe(3);
    } finally {
      await second.close();
    }
  });

  it('heals a flipped byte in the vectors table from the embedding cache, embedding nothing again', async () => {
    const dir = indexDir(ctx.store);
    const first = await openRetrieval(dir, { modelDir });
    const built = await indexAll(first);
    await first.close();
    const db = await lancedb.connect(dir);
    const vecTable = (await db.tableNames()).find((n) => n.startsWith('vec_'))!;
    db.close();
    await flipByte(path.join(dir, `${vecTable}.lance`));

    const second = await openRetrieval(dir, { modelDir });
    try {
      const { fill, semantic } = await indexAll(second);
      expect(semantic.vectors.repaired).toMatch(/vectors table was damaged/);
      expect(fill).toMatchObject({ embedded: 0, total: built.report.chunks });
    } finally {
      await second.close();
    }
  });

  it('re-uses cached vectors when the vector table is lost as well', async () => {
    const dir = indexDir(ctx.store);
    const db = await lancedb.connect(dir);
    const vecTable = (await db.tableNames()).find((n) => n.startsWith('vec_'))!;
    await db.dropTable(vecTable);
    db.close();
    await corruptDataFiles(path.join(dir, 'chunks.lance'));

    const retrieval = await openRetrieval(dir, { modelDir });
    try {
      expect(retrieval.index.repaired).toBe(chunksRepairedNotice);
      const { report, fill } = await indexAll(retrieval);
      expect(report.chunks).toBeGreaterThan(0);
      expect(fill).toMatchObject({ embedded: 0, reused: report.chunks });
    } finally {
      await retrieval.close();
    }
  });

  it('rebuilds the chunks table when only the posting lists of its full-text index are corrupt', async () => {
    const dir = indexDir(ctx.store);
    const indices = path.join(dir, 'chunks.lance/_indices');
    let corrupted = 0;
    for (const entry of await readdir(indices, { recursive: true, withFileTypes: true })) {
      // The posting lists, not the index metadata: only a full-text query reads them.
      if (!entry.isFile() || !entry.name.startsWith('part_')) continue;
      const file = path.join(entry.parentPath, entry.name);
      const { size } = await stat(file);
      const handle = await open(file, 'r+');
      await handle.write(Buffer.alloc(size, 0xa5), 0, size, 0);
      await handle.close();
      corrupted++;
    }
    expect(corrupted).toBeGreaterThan(0);
    const retrieval = await openRetrieval(dir, { modelDir });
    try {
      expect(retrieval.index.repaired).toBe(chunksRepairedNotice);
      const { report, fill } = await indexAll(retrieval);
      expect(fill).toMatchObject({ embedded: 0, total: report.chunks });
      expect((await searchChunks(retrieval.index, '退款', { mode: 'lexical', k: 1 })).results).toHaveLength(1);
    } finally {
      await retrieval.close();
    }
  });

  it('opens a healthy index without repairing it', async () => {
    const index = await ChunkIndex.open(indexDir(ctx.store));
    try {
      expect(index.repaired).toBeUndefined();
      expect(await index.count()).toBeGreaterThan(0);
    } finally {
      index.close();
    }
  });
});

describe('ChunkIndex full-text index', () => {
  it('lets searches run while the indexer builds the full-text index', async () => {
    const index = await ChunkIndex.open(path.join(ctx.dir, 'race-index'));
    try {
      const articles = await Promise.all((await ctx.store.list()).map((s) => ctx.store.get(s.id)));
      await index.add(articles.flatMap((a) => articleRows(a, defaultChunkOptions)));
      const [, refund, zh] = await Promise.all([
        index.optimize(),
        index.lexicalSearch('refund', 5),
        index.lexicalSearch('退款', 5),
      ]);
      expect(refund.length).toBeGreaterThan(0);
      expect(zh.length).toBeGreaterThan(0);
    } finally {
      index.close();
    }
  });
});
