import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEncoderModel } from '../../tests/fixtures/makeEncoderModel.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { loadEmbedder, type Embedder } from './Embedder.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let modelDir: string;
let embedder: Embedder;
beforeAll(async () => {
  tmp = await tempDir();
  modelDir = await makeEncoderModel(path.join(tmp.dir, 'tiny'));
  embedder = await loadEmbedder(modelDir);
});
afterAll(async () => {
  await embedder?.close();
  await tmp.cleanup();
});

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('embedder (real transformers.js pipeline in a worker, generated tiny model)', () => {
  it('gives unit vectors of the model dimension, deterministically', async () => {
    const [a, b] = await embedder.embedPassages(['How long does a refund take?', '退款多久到账']);
    expect(embedder.dimension).toBe(32);
    expect(a).toHaveLength(32);
    expect(dot(a!, a!)).toBeCloseTo(1, 4);
    expect(dot(a!, b!)).toBeLessThan(0.9999);
    const [again] = await embedder.embedPassages(['How long does a refund take?']);
    expect(Array.from(again!)).toEqual(Array.from(a!));
  });

  it('keeps the order across length-sorted batches, equal to one at a time', async () => {
    const texts = [
      'short',
      'a much longer passage about returning a lamp that arrived broken and the refund',
      'medium text about invoices',
      '发票',
      'ok',
    ];
    const batched = await embedder.embedPassages(texts);
    for (const [i, text] of texts.entries()) {
      const [single] = await embedder.embedPassages([text]);
      for (let d = 0; d < single!.length; d++) expect(batched[i]![d]).toBeCloseTo(single![d]!, 4);
    }
  });

  it('tokenizes Chinese without unknown tokens and counts tokens', () => {
    expect(embedder.countTokens('退款')).toBe(4);
    expect(embedder.countTokens('refund policy')).toBeGreaterThanOrEqual(4);
  });

  it('applies the query prefix of known models (e5)', async () => {
    const e5Root = path.join(tmp.dir, 'root');
    await mkdir(path.join(e5Root, 'Xenova'), { recursive: true });
    await cp(modelDir, path.join(e5Root, 'Xenova/multilingual-e5-small'), { recursive: true });
    await writeFile(
      path.join(e5Root, 'Xenova/multilingual-e5-small/config.json'),
      JSON.stringify({ model_type: 'bert', hidden_size: 32 }),
    );
    const e5 = await loadEmbedder(e5Root, { modelId: 'Xenova/multilingual-e5-small', inProcess: true });
    try {
      expect(e5.spec.queryPrefix).toBe('query: ');
      const query = await e5.embedQuery('refund');
      const [passage] = await e5.embedPassages(['refund']);
      const [plain] = await embedder.embedPassages(['query: refund']);
      expect(Array.from(query).map((x) => x.toFixed(5))).toEqual(Array.from(plain!).map((x) => x.toFixed(5)));
      expect(dot(query, passage!)).toBeLessThan(0.99999);
    } finally {
      await e5.close();
    }
  });

  it('stops between batches when cancelled', async () => {
    const controller = new AbortController();
    const texts = Array.from({ length: 40 }, (_, i) => `text number ${i} ${'word '.repeat(i)}`);
    const run = embedder.embedPassages(texts, {
      signal: controller.signal,
      onProgress: (done) => done >= 8 && controller.abort(),
    });
    await expect(run).rejects.toThrow(/abort/i);
  });

  it('reports a missing model with what to do', async () => {
    await expect(loadEmbedder(path.join(tmp.dir, 'nothing'))).rejects.toMatchObject({
      code: 'MODEL_MISSING',
      message: expect.stringMatching(/--model-dir/),
    });
  });
});
