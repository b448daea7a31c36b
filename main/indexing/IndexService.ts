import type { ArticleStore } from '../articles/index.js';
import { AlmanacError } from '../AlmanacError.js';
import type { Embedder } from '../embedding/index.js';
import { ChunkIndex } from './ChunkIndex.js';
import { indexDir, indexWorkspace, type IndexReport } from './indexWorkspace.js';
import { VectorStore } from './VectorStore.js';

export interface IndexStatus {
  state: 'idle' | 'indexing' | 'embedding' | 'error';
  articles: number;
  chunks: number;
  /** Embedding model id, or null when search is lexical only. */
  model: string | null;
  /** Why there is no model, and what to do. */
  modelNotice?: string;
  vectorsDone: number;
  vectorsTotal: number;
  progress?: { done: number; total: number };
  ann?: { state: 'building' | 'ready'; recallAt10?: number; buildMs?: number };
  lastUpdated?: number;
  lastReport?: IndexReport & { embedded?: number; reused?: number };
  error?: string;
}

export interface IndexServiceOptions {
  /** Loads the embedding model; throws MODEL_MISSING when there is none. */
  loadEmbedder?: () => Promise<Embedder>;
  /** Build an ANN index once this many vectors exist. */
  annThreshold?: number;
  onStatus?: (status: IndexStatus) => void;
}

/**
 * Keeps a workspace's index current in the background: lexical first (searchable at once), then
 * vectors behind it with progress. A change while embedding cancels the run and starts a new one.
 */
export class IndexService {
  private index: Promise<ChunkIndex>;
  private embedder: Promise<{ embedder: Embedder; vectors: VectorStore } | undefined> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private abort: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  status: IndexStatus = { state: 'idle', articles: 0, chunks: 0, model: null, vectorsDone: 0, vectorsTotal: 0 };

  constructor(
    private readonly store: ArticleStore,
    private readonly options: IndexServiceOptions = {},
  ) {
    this.index = ChunkIndex.open(indexDir(store));
  }

  async chunkIndex(): Promise<ChunkIndex> {
    return this.index;
  }

  /** The model and its vectors, or undefined when no model is installed. */
  semantic(): Promise<{ embedder: Embedder; vectors: VectorStore } | undefined> {
    this.embedder ??= (async () => {
      if (!this.options.loadEmbedder) return undefined;
      try {
        const embedder = await this.options.loadEmbedder();
        const vectors = await VectorStore.open(indexDir(this.store), embedder.modelId, embedder.dimension);
        this.update({ model: embedder.modelId, modelNotice: undefined });
        return { embedder, vectors };
      } catch (err) {
        if (!(err instanceof AlmanacError && err.code === 'MODEL_MISSING')) throw err;
        this.update({ model: null, modelNotice: err.message });
        return undefined;
      }
    })();
    return this.embedder;
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
      const index = await this.index;
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
    (await this.index).close();
    const semantic = await this.embedder?.catch(() => undefined);
    semantic?.vectors.close();
    await semantic?.embedder.close();
  }
}
