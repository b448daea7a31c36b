import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ModelLocation {
  /** The folder holding config.json, tokenizer.json and onnx/. */
  dir: string;
  /** Model id, e.g. "Xenova/multilingual-e5-small" (the folder path under the model root). */
  id: string;
  /** Which weights to load: the int8-quantized file when present, else fp32. */
  dtype: 'q8' | 'fp32';
  hiddenSize: number;
}

function locate(dir: string, id: string): ModelLocation | undefined {
  const onnx = path.join(dir, 'onnx');
  if (!existsSync(path.join(dir, 'config.json')) || !existsSync(path.join(dir, 'tokenizer.json'))) return undefined;
  const dtype = existsSync(path.join(onnx, 'model_quantized.onnx'))
    ? 'q8'
    : existsSync(path.join(onnx, 'model.onnx'))
      ? 'fp32'
      : undefined;
  if (!dtype) return undefined;
  try {
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as {
      hidden_size?: number;
      _name_or_path?: string;
    };
    return { dir, id, dtype, hiddenSize: config.hidden_size ?? 384 };
  } catch {
    return undefined;
  }
}

/**
 * Find a model: `dir` may be a model folder itself or a root holding `<org>/<name>/` folders, in
 * which case `modelId` picks one (or the first found). Undefined when there is none.
 */
export function findModel(dir: string, modelId?: string): ModelLocation | undefined {
  const root = path.resolve(dir);
  const direct = locate(root, path.basename(root));
  if (direct) return direct;
  if (modelId) return locate(path.join(root, ...modelId.split('/')), modelId);
  return undefined;
}
