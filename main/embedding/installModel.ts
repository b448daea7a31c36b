import { env, pipeline } from '@huggingface/transformers';
import { AlmanacError } from '../AlmanacError.js';
import { findModel, type ModelLocation } from './findModel.js';

export interface InstallProgress {
  file: string;
  loaded: number;
  total: number;
}

/**
 * Download a model from the Hugging Face hub into `<root>/<org>/<name>/` (int8 weights when the
 * repository has them). Throws MODEL_MISSING with what to do when it cannot be downloaded.
 */
export async function installModel(
  id: string,
  root: string,
  options: {
    onProgress?: (p: InstallProgress) => void;
    /** A hub mirror, e.g. https://hf-mirror.example/ */ hub?: string;
  } = {},
): Promise<ModelLocation> {
  const { onProgress } = options;
  if (options.hub) env.remoteHost = options.hub.endsWith('/') ? options.hub : `${options.hub}/`;
  env.allowRemoteModels = true;
  env.allowLocalModels = true;
  env.cacheDir = root;
  env.localModelPath = root;
  const progress_callback = (info: { status: string; file?: string; loaded?: number; total?: number }) => {
    if (info.status === 'progress' && info.file)
      onProgress?.({ file: info.file, loaded: info.loaded ?? 0, total: info.total ?? 0 });
  };
  let lastError: unknown;
  for (const dtype of ['q8', 'fp32'] as const) {
    try {
      const extractor = await pipeline('feature-extraction', id, { dtype, cache_dir: root, progress_callback });
      await extractor.dispose();
      lastError = undefined;
      break;
    } catch (err) {
      lastError = err;
    }
  }
  env.allowRemoteModels = false;
  const location = findModel(root, id);
  if (lastError || !location) {
    throw new AlmanacError(
      'MODEL_MISSING',
      `Could not download ${id} from the Hugging Face hub (${(lastError as Error)?.message ?? 'no ONNX weights found'}). Without a network, copy the model folder (config.json, tokenizer.json, onnx/) to ${root}/${id} or pass --model-dir <folder>.`,
    );
  }
  return location;
}
