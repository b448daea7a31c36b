import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { loadEmbedder } from '../main/embedding/index.js';
import { createExtractor } from '../main/embedding/index.js';
import { planBatches } from '../main/embedding/index.js';
import { round, seeded } from './stats.js';

export interface Throughput {
  texts: number;
  tokens: { min: number; max: number };
  raw: { single: number; naive16: number; sorted8: number };
  pipeline: { single: number; naive16: number; sorted8: number };
  embedder: { sortedBatches: number };
  /** Embedder (worker, length-sorted batches) over raw ONNX Runtime's best, texts/s ratio. */
  ratio: number;
}

/** 64 texts of 20–255 tokens cut from the sample knowledge base, in a fixed shuffled order. */
export async function mixedTexts(repoRoot: string, countTokens: (t: string) => number): Promise<string[]> {
  const dir = path.join(repoRoot, 'resources/sample-workspace/articles');
  const words: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => !n.startsWith('zh-')).sort()) {
    words.push(...(await readFile(path.join(dir, name), 'utf8')).split(/\s+/).filter((w) => /^[\w.,'-]+$/.test(w)));
  }
  const rand = seeded(3);
  const texts: string[] = [];
  let at = 0;
  for (let i = 0; i < 64; i++) {
    const target = 20 + Math.floor(rand() * 236);
    let n = Math.max(4, Math.floor(target * 0.7));
    let text = words.slice(at, at + n).join(' ');
    while (countTokens(text) < target && n < 400) text = words.slice(at, at + ++n).join(' ');
    while (countTokens(text) > target && n > 4) text = words.slice(at, at + --n).join(' ');
    texts.push(text);
    at = (at + n) % Math.max(1, words.length - 500);
  }
  return texts;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Texts/s of raw ONNX Runtime against the transformers.js pipeline on the same model and texts. */
export async function embeddingThroughput(modelDir: string, repoRoot: string, rounds = 5): Promise<Throughput> {
  const tokenizer = await AutoTokenizer.from_pretrained(modelDir, { local_files_only: true });
  const countTokens = (t: string) => tokenizer.encode(t).length;
  const texts = await mixedTexts(repoRoot, countTokens);
  const lengths = texts.map(countTokens);
  const session = await ort.InferenceSession.create(path.join(modelDir, 'onnx/model.onnx'), {
    intraOpNumThreads: 2,
    interOpNumThreads: 1,
  });
  const encoded = texts.map((t) => tokenizer.encode(t));
  const runRaw = async (batch: number[]) => {
    const len = Math.max(...batch.map((i) => encoded[i]!.length));
    const ids = new BigInt64Array(batch.length * len);
    const mask = new BigInt64Array(batch.length * len);
    batch.forEach((i, row) =>
      encoded[i]!.forEach((id, col) => ((ids[row * len + col] = BigInt(id)), (mask[row * len + col] = 1n))),
    );
    const dims = [batch.length, len];
    await session.run({
      input_ids: new ort.Tensor('int64', ids, dims),
      attention_mask: new ort.Tensor('int64', mask, dims),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), dims),
    });
  };
  const indices = texts.map((_, i) => i);
  const chunked = (size: number) =>
    Array.from({ length: Math.ceil(texts.length / size) }, (_, b) => indices.slice(b * size, (b + 1) * size));
  const sorted = planBatches(lengths, { maxBatch: 8, maxPaddingShare: 0.2 });
  const each = async (batches: number[][], run: (b: number[]) => Promise<unknown>) => {
    for (const b of batches) await run(b);
  };
  const extract = await createExtractor({ dir: modelDir, dtype: 'fp32', pooling: 'mean', normalize: true, threads: 2 });
  const runPipeline = (b: number[]) => extract(b.map((i) => texts[i]!));
  const embedder = await loadEmbedder(modelDir, { threads: 2 });
  // Strategies run interleaved, round after round, so load from elsewhere on a shared machine
  // hits them all alike; each figure is the median over the rounds.
  const strategies: Record<string, () => Promise<unknown>> = {
    rawSingle: () => each(chunked(1), runRaw),
    rawNaive16: () => each(chunked(16), runRaw),
    rawSorted8: () => each(sorted, runRaw),
    pipelineSingle: () => each(chunked(1), runPipeline),
    pipelineNaive16: () => each(chunked(16), runPipeline),
    pipelineSorted8: () => each(sorted, runPipeline),
    embedder: () => embedder.embedPassages(texts),
  };
  const rates = Object.fromEntries(Object.keys(strategies).map((k) => [k, [] as number[]]));
  for (const run of Object.values(strategies)) await run();
  for (let r = 0; r < rounds; r++) {
    for (const [name, run] of Object.entries(strategies)) {
      const start = performance.now();
      await run();
      rates[name]!.push(texts.length / ((performance.now() - start) / 1000));
    }
  }
  const m = (name: string) => round(median(rates[name]!), 1);
  const raw = { single: m('rawSingle'), naive16: m('rawNaive16'), sorted8: m('rawSorted8') };
  const pipeline = { single: m('pipelineSingle'), naive16: m('pipelineNaive16'), sorted8: m('pipelineSorted8') };
  const sortedBatches = m('embedder');
  await embedder.close();
  await session.release();
  const bestRaw = Math.max(raw.single, raw.naive16, raw.sorted8);
  return {
    texts: texts.length,
    tokens: { min: Math.min(...lengths), max: Math.max(...lengths) },
    raw,
    pipeline,
    embedder: { sortedBatches },
    ratio: round(sortedBatches / bestRaw),
  };
}
