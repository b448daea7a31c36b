import type { ArticleStore } from '../articles/index.js';
import type { ChunkIndex } from './ChunkIndex.js';
import { indexDir, indexWorkspace, type IndexReport } from './indexWorkspace.js';
import { openRetrieval, type Retrieval, type RetrievalOptions } from './openRetrieval.js';
import type { PassageEmbedder, VectorStore } from './VectorStore.js';

export interface IndexStatus {
  state: 'idle' | 'indexing' | 'embedding' | 'error';
  articles: number;
  chunks: number;
  /** Embedding model id, or null when search is lexical only. */
  model: string | null;
  /** Why there is no model, and what to do. */
  modelNotice?: string;
  /** Set when part of the index was damaged and is being rebuilt. */
  repaired?: string;
  vectorsDone: number;
  vectorsTotal: number;
  progress?: { done: number; total: number };
  ann?: { state: 'building' | 'ready'; recallAt10?: number; buildMs?: number };
  lastUpdated?: number;
  lastReport?: IndexReport & { embedded?: number; reused?: number };
  error?: string;
}

export interface IndexServiceOptions extends RetrievalOptions {
  /** Build an ANN index once this many vectors exist. */
  annThreshold?: number;
  onStatus?: (status: IndexStatus) => void;
}

/**
 * Keeps a workspace's index current in the background: lexical first (searchable at once), then
 * vectors behind it with progress. A change while embedding cancels the run and starts a new one.
 */
export class IndexService {
  private retrieval: Promise<Retrieval>;
  private embedder: Promise<{ embedder: PassageEmbedder; vectors: VectorStore } | undefined> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private abort: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  status: IndexStatus = { state: 'idle', articles: 0, chunks: 0, model: null, vectorsDone: 0, vectorsTotal: 0 };

  constructor(
    private readonly store: ArticleStore,
    private options: IndexServiceOptions = {},
  ) {
    this.retrieval = openRetrieval(indexDir(store), options);
  }

  async chunkIndex(): Promise<ChunkIndex> {
    return (await this.retrieval).index;
  }

  /** The model and its vectors, or undefined when no model is installed. */
  semantic(): Promise<{ embedder: PassageEmbedder; vectors: VectorStore } | undefined> {
    this.embedder ??= (async () => {
      const semantic = await (await this.retrieval).semantic();
      if ('vectors' in semantic) {
        this.update({ model: semantic.embedder.modelId, modelNotice: undefined });
        return semantic;
      }
      if (semantic.modelNotice) this.update({ model: null, modelNotice: semantic.modelNotice });
      return undefined;
    })();
    return this.embedder;
  }

  /**
   * Load the embedding model from another folder (one the user chose or just installed) and fill
   * in the vectors behind the lexical index, without restarting the studio.
   */
  async useModel(modelDir: string): Promise<IndexStatus> {
    clearTimeout(this.timer);
    this.abort?.abort();
    await this.running?.catch(() => undefined);
    const previous = this.retrieval;
    this.options = { ...this.options, modelDir };
    this.retrieval = openRetrieval(indexDir(this.store), this.options);
    this.embedder = undefined;
    await (await previous).close();
    await this.semantic();
    void this.refresh();
    return this.status;
  }

  /** Re-index soon; changes arriving meanwhile are folded into one run. */
  schedule(delayMs = 200): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  /** Run an incremental index now (or after the one under way). */
  async refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
    if (this.again) {
      this.again = false;
      await this.refresh();
    }
  }

  private update(patch: Partial<IndexStatus>): void {
    this.status = { ...this.status, ...patch };
    this.options.onStatus?.(this.status);
  }

  private async run(): Promise<void> {
    this.update({ state: 'indexing', error: undefined });
    const abort = (this.abort = new AbortController());
    try {
      const index = await this.chunkIndex();
      if (index.repaired && this.status.repaired === undefined) this.update({ repaired: index.repaired });
      const report = await indexWorkspace(this.store, index, {
        onProgress: (done, total) => this.update({ progress: { done, total } }),
      });
      this.update({
        state: 'idle',
        progress: undefined,
        articles: report.articles,
        chunks: report.chunks,
        lastUpdated: Date.now(),
        lastReport: report,
      });
      const semantic = await this.semantic();
      if (!semantic) return;
      if (semantic.vectors.repaired && this.status.repaired === undefined)
        this.update({ repaired: semantic.vectors.repaired });
      this.update({ state: 'embedding', vectorsTotal: report.chunks });
      const fill = await semantic.vectors.sync(await index.rowsForVectors(), semantic.embedder, {
        signal: abort.signal,
        onProgress: (done, total) =>
          this.update({ vectorsDone: report.chunks - total + done, progress: { done, total } }),
      });
      this.update({
        state: 'idle',
        progress: undefined,
        vectorsDone: fill.total,
        vectorsTotal: fill.total,
        lastReport: { ...report, embedded: fill.embedded, reused: fill.reused },
      });
      await semantic.vectors.optimize();
      const threshold = this.options.annThreshold ?? 50_000;
      if (fill.total >= threshold && !(await semantic.vectors.hasAnnIndex())) {
        this.update({ ann: { state: 'building' } });
        const started = Date.now();
        await semantic.vectors.buildAnnIndex();
        this.update({
          ann: { state: 'ready', buildMs: Date.now() - started, recallAt10: await semantic.vectors.annRecall() },
        });
      }
    } catch (err) {
      if (abort.signal.aborted) this.update({ state: 'idle', progress: undefined });
      else this.update({ state: 'error', progress: undefined, error: (err as Error).message });
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.abort?.abort();
    await this.running;
    await (await this.retrieval).close();
  }
}
