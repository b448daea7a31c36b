import { Worker } from 'node:worker_threads';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { AlmanacError } from '../AlmanacError.js';
import { createExtractor, type Extract, type ExtractorOptions } from './extractor.js';
import { findModel } from './findModel.js';
import { modelSpec, type ModelSpec } from './knownModels.js';
import { planBatches, type BatchPlan } from './planBatches.js';

export interface EmbedOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** On-device sentence embeddings from a local transformers.js model folder. */
export interface Embedder {
  modelId: string;
  dimension: number;
  spec: ModelSpec;
  embedQuery(text: string): Promise<Float32Array>;
  embedPassages(texts: string[], options?: EmbedOptions): Promise<Float32Array[]>;
  /** Tokens the model would see for this text, from its own tokenizer. */
  countTokens(text: string): number;
  close(): Promise<void>;
}

export interface LoadOptions {
  /** Model id when `dir` is a root of `<org>/<name>/` folders. */
  modelId?: string;
  /** Run the pipeline in this thread instead of a worker (benchmarks). */
  inProcess?: boolean;
  threads?: number;
  batch?: BatchPlan | 'none';
}

const missing = (dir: string) =>
  new AlmanacError(
    'MODEL_MISSING',
    `No embedding model in ${dir}. Pass --model-dir <folder> or set ALMANAC_MODEL_DIR (a folder with config.json, tokenizer.json and onnx/model.onnx); run \`almanac model install <id>\` where a network exists.`,
  );

/** The worker runs the built .js next to this module, or, from source (tests, CLI), the .ts through tsx. */
function startWorker(options: ExtractorOptions): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./embeddingWorker.js', import.meta.url), { workerData: options });
  const entry = new URL('./embeddingWorker.ts', import.meta.url).href;
  return new Worker(new URL('./tsWorker.mjs', import.meta.url), { workerData: { ...options, entry } });
}

function workerBackend(options: ExtractorOptions): Promise<{ extract: Extract; close: () => Promise<void> }> {
  const worker = startWorker(options);
  worker.unref();
  const pending = new Map<number, { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  return new Promise((resolve, reject) => {
    worker.on('error', (err) => {
      reject(err);
      for (const p of pending.values()) p.reject(err);
    });
    worker.on('message', (msg: { ready?: boolean; error?: string; id?: number; vectors?: Float32Array[] }) => {
      if (msg.ready === true) {
        resolve({
          extract: (texts) =>
            new Promise((res, rej) => {
              const id = next++;
              pending.set(id, { resolve: res, reject: rej });
              worker.postMessage({ id, texts });
            }),
          close: async () => void (await worker.terminate()),
        });
      } else if (msg.ready === false) reject(missing(`${options.dir} (${msg.error})`));
      else if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(msg.error));
        else p?.resolve(msg.vectors!);
      }
    });
  });
}

/** Load a model: throws MODEL_MISSING with what to do when the folder has none. */
export async function loadEmbedder(dir: string, options: LoadOptions = {}): Promise<Embedder> {
  const location = findModel(dir, options.modelId);
  if (!location) throw missing(dir);
  const spec = modelSpec(location.id, location.hiddenSize);
  env.allowRemoteModels = false;
  const tokenizer: PreTrainedTokenizer = await AutoTokenizer.from_pretrained(location.dir, { local_files_only: true });
  const extractorOptions: ExtractorOptions = {
    dir: location.dir,
    dtype: location.dtype,
    pooling: spec.pooling,
    normalize: spec.normalize,
    threads: options.threads ?? 2,
  };
  const backend = options.inProcess
    ? { extract: await createExtractor(extractorOptions), close: async () => {} }
    : await workerBackend(extractorOptions);
  const countTokens = (text: string) => tokenizer.encode(text).length;
  const maxTokens = 512;
  return {
    modelId: spec.id,
    dimension: spec.dimension,
    spec,
    countTokens,
    async embedQuery(text) {
      return (await backend.extract([spec.queryPrefix + text]))[0]!;
    },
    async embedPassages(texts, { signal, onProgress } = {}) {
      const prefixed = texts.map((t) => spec.passagePrefix + t);
      const batches =
        options.batch === 'none'
          ? prefixed.map((_, i) => [i])
          : planBatches(
              prefixed.map((t) => Math.min(maxTokens, countTokens(t))),
              options.batch,
            );
      const out: Float32Array[] = new Array(texts.length);
      let done = 0;
      for (const batch of batches) {
        signal?.throwIfAborted();
        const vectors = await backend.extract(batch.map((i) => prefixed[i]!));
        batch.forEach((i, j) => (out[i] = vectors[j]!));
        done += batch.length;
        onProgress?.(done, texts.length);
      }
      return out;
    },
    close: backend.close,
  };
}
