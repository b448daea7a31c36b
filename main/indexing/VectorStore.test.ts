import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEncoderModel } from '../../tests/fixtures/makeEncoderModel.js';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { loadEmbedder, type Embedder } from '../embedding/index.js';
import { searchChunks, vectorSearchFor } from '../retrieval/index.js';
import { ChunkIndex } from './ChunkIndex.js';
import { indexDir, indexWorkspace } from './indexWorkspace.js';
import { VectorStore } from './VectorStore.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let embedder: Embedder;
let index: ChunkIndex;
beforeAll(async () => {
  ctx = await tempWorkspace({ sample: true });
  embedder = await loadEmbedder(await makeEncoderModel(path.join(ctx.dir, 'model')));
  index = await ChunkIndex.open(indexDir(ctx.store));
});
afterAll(async () => {
  index.close();
  await embedder.close();
  await ctx.cleanup();
});

describe('vectors (real LanceDB, real transformers.js on the tiny model)', () => {
  it('embeds every chunk once, then only the chunks of an edited article, and drops deleted ones', async () => {
    await indexWorkspace(ctx.store, index);
    const vectors = await VectorStore.open(indexDir(ctx.store), embedder.modelId, embedder.dimension);
    const first = await vectors.sync(await index.rowsForVectors(), embedder);
    expect(first.embedded).toBe(await index.count());
    expect(await vectors.count()).toBe(first.total);

    const again = await vectors.sync(await index.rowsForVectors(), embedder);
    expect(again).toMatchObject({ embedded: 0, reused: 0, removed: 0 });

    const article = await ctx.store.get('shipping-options');
    const sections = article.body.split('\n## ');
    await ctx.store.save(article.id, {
      meta: article.meta,
      body: `${article.body}\n## Parcel lockers\n\nCollect parcels from a locker within 7 days.\n`,
    });
    await indexWorkspace(ctx.store, index);
    const edited = await vectors.sync(await index.rowsForVectors(), embedder);
    expect(edited.embedded).toBe(1);
    expect(sections.length).toBeGreaterThan(1);

    const original = await ctx.store.get('return-policy');
    const copy = await ctx.store.create({
      id: 'return-policy-copy',
      title: original.title,
      locale: 'en',
      body: original.body,
    });
    await indexWorkspace(ctx.store, index);
    const copied = await vectors.sync(await index.rowsForVectors(), embedder);
    expect(copied.embedded).toBe(0);
    expect(copied.reused).toBe((await index.rowsForVectors()).filter((r) => r.article_id === copy.id).length);

    await ctx.store.remove(copy.id);
    await indexWorkspace(ctx.store, index);
    const removed = await vectors.sync(await index.rowsForVectors(), embedder);
    expect(removed.removed).toBeGreaterThan(0);
    expect(await vectors.count()).toBe(await index.count());
    vectors.close();
  });

  it('re-embeds everything for another model', async () => {
    const otherDir = path.join(ctx.dir, 'other-model');
    await cp(path.join(ctx.dir, 'model'), otherDir, { recursive: true });
    const other = await loadEmbedder(otherDir, { inProcess: true });
    try {
      expect(other.modelId).not.toBe(embedder.modelId);
      const vectors = await VectorStore.open(indexDir(ctx.store), other.modelId, other.dimension);
      const report = await vectors.sync(await index.rowsForVectors(), other);
      expect(report.embedded).toBeGreaterThan(0);
      expect(report.embedded + report.reused).toBe(await index.count());
      vectors.close();
    } finally {
      await other.close();
    }
  });

  it('fuses vector and lexical ranks and explains each result', async () => {
    const vectors = await VectorStore.open(indexDir(ctx.store), embedder.modelId, embedder.dimension);
    const response = await searchChunks(index, 'parcel lockers', {
      mode: 'hybrid',
      k: 5,
      vectorSearch: vectorSearchFor(index, vectors, (q) => embedder.embedQuery(q)),
    });
    expect(response.ranMode).toBe('hybrid');
    expect(response.notice).toBeUndefined();
    const top = response.results[0]!;
    expect(top.explanation.lexical?.rank).toBe(1);
    const { lexical, vector, fused } = top.explanation;
    expect(fused).toBeCloseTo((lexical ? 1 / (60 + lexical.rank) : 0) + (vector ? 1 / (60 + vector.rank) : 0), 12);
    const vectorOnly = await searchChunks(index, 'parcel lockers', {
      mode: 'vector',
      k: 5,
      vectorSearch: vectorSearchFor(index, vectors, (q) => embedder.embedQuery(q)),
    });
    expect(vectorOnly.results.length).toBeGreaterThan(0);
    expect(vectorOnly.results.every((r) => r.explanation.vector && !r.explanation.lexical)).toBe(true);
    vectors.close();
  });
});

describe('ANN recall', () => {
  const dimension = 32;
  const unit = (v: number[]) => {
    const norm = Math.hypot(...v);
    return Float32Array.from(v, (x) => x / norm);
  };
  const centres = Array.from({ length: 40 }, () =>
    Array.from(unit(Array.from({ length: dimension }, () => Math.random() * 2 - 1))),
  );
  let n = 0;
  // Unit vectors scattered around a few centres, so an ANN index has neighbourhoods to find.
  const clustered = () => unit(centres[n++ % centres.length]!.map((x) => x + (Math.random() * 2 - 1) * 0.4));

  it('measures recall on held-out query vectors, not on stored ones', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'almanac-ann-'));
    const vectors = await VectorStore.open(dir, 'synthetic', dimension);
    try {
      const chunks = Array.from({ length: 3000 }, (_, i) => ({
        id: `c${i}`,
        article_id: `a${i}`,
        locale: 'en',
        audience: 'customer',
        status: 'draft',
        tags: ',',
        title: `Chunk ${i}`,
        headings: '[]',
        text: `text ${i}`,
      }));
      await vectors.sync(
        chunks,
        {
          modelId: 'synthetic',
          dimension,
          embedQuery: () => Promise.resolve(clustered()),
          embedPassages: (texts) => Promise.resolve(texts.map(clustered)),
        },
        { batchSize: 1000 },
      );
      expect(await vectors.annRecall()).toBeUndefined();
      await vectors.buildAnnIndex();

      const queries = Array.from({ length: 30 }, clustered);
      let hit = 0;
      for (const q of queries) {
        const exact = new Set((await vectors.search(q, 10, {}, true)).map((h) => h.id));
        hit += (await vectors.search(q, 10, {}, false)).filter((h) => exact.has(h.id)).length;
      }
      expect(await vectors.annRecall(queries)).toBe(hit / (queries.length * 10));
      expect(await vectors.annRecall([])).toBeUndefined();

      const sampled = await vectors.annRecall(undefined, 10);
      expect(sampled).toBeGreaterThan(0.5);
      expect(sampled).toBeLessThanOrEqual(1);
    } finally {
      vectors.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
