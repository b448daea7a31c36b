import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { findModel, type ModelLocation } from './findModel.js';
import { installModel, type InstallProgress } from './installModel.js';

/** The model the studio offers to install when the workspace names none. */
export const suggestedModel = 'Xenova/multilingual-e5-small';

export interface ModelStatus {
  /** The folder models are installed into and loaded from; null when the studio was started without one. */
  root: string | null;
  /** The model the studio loads from `root`, or null when search is lexical only. */
  found: ModelLocation | null;
  /** The model to install: the workspace's `embedding.model`, else {@link suggestedModel}. */
  suggested: string;
}

/** Download progress of `model.install`, pushed to the UI as it arrives. */
export interface ModelInstallProgress extends InstallProgress {
  id: string;
}

/** Which model the studio would load from `root` (the same lookup the embedder makes). */
export function modelStatus(root: string | undefined, modelId?: string): ModelStatus {
  return {
    root: root ?? null,
    found: (root && findModel(root, modelId)) || null,
    suggested: modelId ?? suggestedModel,
  };
}

/**
 * Download `id` into `root`, reporting progress per file. Throws MODEL_MISSING, saying what to do,
 * when there is no network or the hub has no ONNX weights for it, and VALIDATION_FAILED without a root.
 */
export async function installModelInto(
  root: string | undefined,
  id: string,
  onProgress?: (progress: ModelInstallProgress) => void,
): Promise<ModelLocation> {
  if (!root)
    throw new AlmanacError(
      'VALIDATION_FAILED',
      'The studio was started without a model folder. Pass --model-dir <folder>.',
    );
  return installModel(id, root, { onProgress: (p) => onProgress?.({ id, ...p }) });
}

/**
 * Check a folder the user typed holds a model (config.json, tokenizer.json and onnx/ weights).
 * Throws NOT_FOUND when the folder does not exist and VALIDATION_FAILED when it holds no model.
 */
export function checkModelFolder(dir: string): ModelLocation {
  const folder = path.resolve(dir);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new AlmanacError('NOT_FOUND', `There is no folder ${folder}.`, { dir: folder });
  const location = findModel(folder);
  if (!location) {
    const missing = ['config.json', 'tokenizer.json'].filter((f) => !existsSync(path.join(folder, f)));
    const weights = ['model_quantized.onnx', 'model.onnx'].some((f) => existsSync(path.join(folder, 'onnx', f)));
    if (!weights) missing.push('onnx/model.onnx');
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `${folder} holds no embedding model: ${missing.length > 0 ? `${missing.join(', ')} missing` : 'config.json is unreadable'}. Choose the folder that holds config.json, tokenizer.json and onnx/.`,
      { dir: folder, missing },
    );
  }
  return location;
}
