import { ArticleStore } from '../articles/index.js';
import { AlmanacError } from '../AlmanacError.js';
import { loadEmbedder, type Embedder } from '../embedding/index.js';
import {
  ChunkIndex,
  indexDir,
  indexWorkspace,
  VectorStore,
  type IndexReport,
  type VectorFillReport,
} from '../indexing/index.js';
import { vectorSearchFor, type SearchOptions } from '../retrieval/index.js';
import { openWorkspace } from '../workspace/index.js';

export interface Indexed {
  store: ArticleStore;
  index: ChunkIndex;
  report: IndexReport;
  vectors?: { embedder: Embedder; store: VectorStore; fill: VectorFillReport };
  modelNotice?: string;
  vectorSearch?: SearchOptions['vectorSearch'];
  close(): Promise<void>;
}

const progress = (quiet: boolean, label: string) =>
  quiet || !process.stderr.isTTY
    ? undefined
    : (done: number, total: number) => process.stderr.write(`\r${label} ${done}/${total}`);

/** Open a workspace's index and bring it up to date, vectors included when a model is installed. */
export async function openIndexed(dir: string, modelDir: string, quiet: boolean): Promise<Indexed> {
  const store = new ArticleStore(await openWorkspace(dir));
  const index = await ChunkIndex.open(indexDir(store));
  const report = await indexWorkspace(store, index, { onProgress: progress(quiet, 'Indexing articles') });
  let embedder: Embedder | undefined;
  let modelNotice: string | undefined;
  try {
    embedder = await loadEmbedder(modelDir, { modelId: store.ws.config.embedding?.model });
  } catch (err) {
    if (!(err instanceof AlmanacError && err.code === 'MODEL_MISSING')) throw err;
    modelNotice = err.message;
  }
  let vectors: Indexed['vectors'];
  if (embedder) {
    const vectorStore = await VectorStore.open(indexDir(store), embedder.modelId, embedder.dimension);
    const fill = await vectorStore.sync(await index.rowsForVectors(), embedder, {
      onProgress: progress(quiet, 'Embedding chunks'),
    });
    await vectorStore.optimize();
    vectors = { embedder, store: vectorStore, fill };
  }
  if (!quiet && process.stderr.isTTY) process.stderr.write('\n');
  return {
    store,
    index,
    report,
    vectors,
    modelNotice,
    vectorSearch: vectors ? vectorSearchFor(index, vectors.store, (q) => vectors.embedder.embedQuery(q)) : undefined,
    async close() {
      vectors?.store.close();
      await vectors?.embedder.close();
      index.close();
    },
  };
}
