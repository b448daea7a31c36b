import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEncoderModel } from '../../tests/fixtures/makeEncoderModel.js';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { loadEmbedder, type Embedder } from '../embedding/index.js';
import { indexDir, indexWorkspace } from './indexWorkspace.js';
import { openRetrieval } from './openRetrieval.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let modelDir: string;
let embedder: Embedder;
beforeAll(async () => {
  ctx = await tempWorkspace({ sample: true });
  modelDir = await makeEncoderModel(path.join(ctx.dir, 'model'));
  embedder = await loadEmbedder(modelDir, { inProcess: true });
});
afterAll(async () => {
  await embedder.close();
  await ctx.cleanup();
});

describe('openRetrieval (real LanceDB, tiny model)', () => {
  it('says what to do when the model folder has no model, and searches lexically meanwhile', async () => {
    const retrieval = await openRetrieval(indexDir(ctx.store), { modelDir: path.join(ctx.dir, 'no-model-here') });
    try {
      const report = await indexWorkspace(ctx.store, retrieval.index);
      expect(report.chunks).toBeGreaterThan(0);
      const semantic = await retrieval.semantic();
      expect(semantic).toEqual({ modelNotice: expect.stringMatching(/No embedding model .*--model-dir/s) });
    } finally {
      await retrieval.close();
    }
  });

  it('gives no notice when no model was asked for', async () => {
    const retrieval = await openRetrieval(indexDir(ctx.store));
    try {
      expect(await retrieval.semantic()).toEqual({ modelNotice: undefined });
      expect(await retrieval.index.count()).toBeGreaterThan(0);
    } finally {
      await retrieval.close();
    }
  });

  it('loads the model from a folder once and opens its vector store', async () => {
    const retrieval = await openRetrieval(indexDir(ctx.store), { modelDir });
    try {
      const semantic = await retrieval.semantic();
      if (!('vectors' in semantic)) throw new Error(`no model: ${semantic.modelNotice}`);
      expect(semantic.embedder.modelId).toBe(embedder.modelId);
      expect(semantic.vectors.dimension).toBe(32);
      expect(await retrieval.semantic()).toBe(semantic);
      const fill = await semantic.vectors.sync(await retrieval.index.rowsForVectors(), semantic.embedder);
      expect(fill.embedded).toBe(await retrieval.index.count());
    } finally {
      await retrieval.close();
    }
  });

  it('uses a caller-loaded embedder and leaves it open on close', async () => {
    const retrieval = await openRetrieval(indexDir(ctx.store), { embedder });
    const semantic = await retrieval.semantic();
    if (!('vectors' in semantic)) throw new Error('no vector store');
    expect(semantic.embedder).toBe(embedder);
    const fill = await semantic.vectors.sync(await retrieval.index.rowsForVectors(), embedder);
    expect(fill).toMatchObject({ embedded: 0, total: await retrieval.index.count() });
    await retrieval.close();
    expect(await embedder.embedQuery('refund')).toHaveLength(32);
  });
});
