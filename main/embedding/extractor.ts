import { env, pipeline } from '@huggingface/transformers';

export interface ExtractorOptions {
  dir: string;
  dtype: 'q8' | 'fp32';
  pooling: 'mean' | 'cls';
  normalize: boolean;
  threads: number;
}

/** Pooled, normalised sentence vectors from a local model folder; never touches the network. */
export type Extract = (texts: string[]) => Promise<Float32Array[]>;

export async function createExtractor(options: ExtractorOptions): Promise<Extract> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  const extractor = await pipeline('feature-extraction', options.dir, {
    local_files_only: true,
    dtype: options.dtype,
    session_options: { intraOpNumThreads: options.threads, interOpNumThreads: 1 },
  });
  return async (texts) => {
    const output = await extractor(texts, { pooling: options.pooling, normalize: options.normalize });
    const [rows, dim] = output.dims as [number, number];
    const data = output.data as Float32Array;
    return Array.from({ length: rows }, (_, i) => data.slice(i * dim, (i + 1) * dim));
  };
}
