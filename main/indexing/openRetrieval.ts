import { AlmanacError } from '../AlmanacError.js';
import { loadEmbedder } from '../embedding/index.js';
import { ChunkIndex } from './ChunkIndex.js';
import { VectorStore, type PassageEmbedder } from './VectorStore.js';

export interface RetrievalOptions {
  /** A model folder, or a root of `<org>/<name>/` model folders; none means lexical search only. */
  modelDir?: string;
  /** Which model under `modelDir` (the workspace's `embedding.model`). */
  modelId?: string;
  /** An embedder the caller loaded and closes itself; takes the place of `modelDir`. */
  embedder?: PassageEmbedder;
}

/** The model with its vectors, or why search is lexical only (no notice when no model was asked for). */
export type Semantic = { embedder: PassageEmbedder; vectors: VectorStore } | { modelNotice: string | undefined };

export interface Retrieval {
  index: ChunkIndex;
  /** Loads the model and opens its vectors on the first call, so lexical search never waits for it. */
  semantic(): Promise<Semantic>;
  close(): Promise<void>;
}

/**
 * Open an index folder's chunks table, and on demand the embedding model and its vector store:
 * the one set-up behind the studio, the command line and the bench. Rethrows anything but MODEL_MISSING.
 */
export async function openRetrieval(dir: string, options: RetrievalOptions = {}): Promise<Retrieval> {
  const index = await ChunkIndex.open(dir);
  let owned: { close(): Promise<void> } | undefined;
  let semantic: Promise<Semantic> | undefined;
  const load = async (): Promise<Semantic> => {
    let embedder = options.embedder;
    if (!embedder && options.modelDir) {
      try {
        embedder = owned = await loadEmbedder(options.modelDir, { modelId: options.modelId });
      } catch (err) {
        if (!(err instanceof AlmanacError && err.code === 'MODEL_MISSING')) throw err;
        return { modelNotice: err.message };
      }
    }
    if (!embedder) return { modelNotice: undefined };
    return { embedder, vectors: await VectorStore.open(dir, embedder.modelId, embedder.dimension) };
  };
  return {
    index,
    semantic: () => (semantic ??= load()),
    async close() {
      const opened = await semantic?.catch(() => undefined);
      if (opened && 'vectors' in opened) opened.vectors.close();
      await owned?.close();
      index.close();
    },
  };
}
