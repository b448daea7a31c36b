export { loadEmbedder } from './Embedder.js';
export type { Embedder, EmbedOptions, LoadOptions } from './Embedder.js';
export { findModel } from './findModel.js';
export type { ModelLocation } from './findModel.js';
export { knownModels, modelSpec } from './knownModels.js';
export type { ModelSpec } from './knownModels.js';
export { planBatches } from './planBatches.js';
export { installModel } from './installModel.js';
export type { InstallProgress } from './installModel.js';
