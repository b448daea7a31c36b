import type { ArticleStore } from '../articles/index.js';
import { reviewedStore } from '../review/index.js';
import {
  type ChunkIndex,
  indexDir,
  indexWorkspace,
  openRetrieval,
  type IndexReport,
  type PassageEmbedder,
  type VectorFillReport,
  type VectorStore,
} from '../indexing/index.js';
import { vectorSearchFor, type SearchOptions } from '../retrieval/index.js';
import { openWorkspace } from '../session/index.js';

export interface Indexed {
  store: ArticleStore;
  index: ChunkIndex;
  report: IndexReport;
  vectors?: { embedder: PassageEmbedder; store: VectorStore; fill: VectorFillReport };
  modelNotice?: string;
  /** Set when the chunks table was damaged and rebuilt. */
  repaired?: string;
  vectorSearch?: SearchOptions['vectorSearch'];
  close(): Promise<void>;
}

const progress = (quiet: boolean, label: string) =>
  quiet || !process.stderr.isTTY
    ? undefined
    : (done: number, total: number) => process.stderr.write(`\r${label} ${done}/${total}`);

/** Open a workspace's index and bring it up to date, vectors included when a model is installed. */
export async function openIndexed(dir: string, modelDir: string, quiet: boolean): Promise<Indexed> {
  const { store } = reviewedStore(await openWorkspace(dir));
  const retrieval = await openRetrieval(indexDir(store), { modelDir, modelId: store.ws.config.embedding?.model });
  const { index } = retrieval;
  const report = await indexWorkspace(store, index, { onProgress: progress(quiet, 'Indexing articles') });
  const semantic = await retrieval.semantic();
  let vectors: Indexed['vectors'];
  if ('vectors' in semantic) {
    const fill = await semantic.vectors.sync(await index.rowsForVectors(), semantic.embedder, {
      onProgress: progress(quiet, 'Embedding chunks'),
    });
    await semantic.vectors.optimize();
    vectors = { embedder: semantic.embedder, store: semantic.vectors, fill };
  }
  if (!quiet && process.stderr.isTTY) process.stderr.write('\n');
  return {
    store,
    index,
    report,
    vectors,
    modelNotice: 'modelNotice' in semantic ? semantic.modelNotice : undefined,
    repaired: index.repaired,
    vectorSearch: vectors ? vectorSearchFor(index, vectors.store, (q) => vectors.embedder.embedQuery(q)) : undefined,
    close: () => retrieval.close(),
  };
}
