import type { ArticleStore } from '../articles/index.js';
import { ChunkIndex } from './ChunkIndex.js';
import { indexDir, indexWorkspace, type IndexReport } from './indexWorkspace.js';

export interface IndexStatus {
  state: 'idle' | 'indexing' | 'error';
  articles: number;
  chunks: number;
  /** Embedding model id, or null when search is lexical only. */
  model: string | null;
  vectorsDone: number;
  vectorsTotal: number;
  progress?: { done: number; total: number };
  lastUpdated?: number;
  lastReport?: IndexReport;
  error?: string;
}

/** Keeps a workspace's index current in the background: on open and after every change on disk. */
export class IndexService {
  private index: Promise<ChunkIndex>;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  status: IndexStatus = { state: 'idle', articles: 0, chunks: 0, model: null, vectorsDone: 0, vectorsTotal: 0 };

  constructor(
    private readonly store: ArticleStore,
    private readonly onStatus: (status: IndexStatus) => void = () => {},
  ) {
    this.index = ChunkIndex.open(indexDir(store));
  }

  async chunkIndex(): Promise<ChunkIndex> {
    return this.index;
  }

  /** Re-index soon; changes arriving meanwhile are folded into one run. */
  schedule(delayMs = 200): void {
    clearTimeout(this.timer);
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
    this.onStatus(this.status);
  }

  private async run(): Promise<void> {
    this.update({ state: 'indexing', error: undefined });
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
    } catch (err) {
      this.update({ state: 'error', progress: undefined, error: (err as Error).message });
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.running;
    (await this.index).close();
  }
}
