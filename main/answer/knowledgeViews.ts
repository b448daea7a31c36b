import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import type { ArticleStore } from '../articles/index.js';
import {
  ChunkIndex,
  indexWorkspace,
  VectorStore,
  type PassageEmbedder,
  type VectorStore as Vectors,
} from '../indexing/index.js';
import { searchPolicy, vectorSearchFor } from '../retrieval/index.js';
import { approvedArticles, customerFacing, type ReviewBook } from '../review/index.js';
import { profileSubject } from '../versions/index.js';
import { readProfileVersion, readWorkingProfile } from './agentProfile.js';
import type { Knowledge } from './answerQuestion.js';

type Semantic = { embedder: PassageEmbedder; vectors: Vectors } | undefined;

export interface KnowledgeViewsOptions {
  store: ArticleStore;
  book: ReviewBook;
  /** The working drafts' index, kept current by the caller (the studio's index service, the CLI's index run). */
  draftsIndex: () => Promise<ChunkIndex>;
  /** The embedding model and the drafts' vectors, when a model is installed. */
  semantic?: () => Promise<Semantic>;
}

/** What the agent may cite: customer-facing articles under the search policy. */
const customerFilter = searchPolicy({ audience: 'customer' });

/**
 * The two knowledge views a preview answers from: the working drafts (the studio's own index) and
 * the approved customer-facing versions only (what a publish would contain; a second index under
 * `.almanac/approved-index`, brought up to date before each answer, vectors included with a model).
 */
export class KnowledgeViews {
  private approvedIndex: Promise<ChunkIndex> | undefined;
  private approvedVectors: Promise<Vectors> | undefined;

  constructor(private readonly options: KnowledgeViewsOptions) {}

  async drafts(): Promise<Knowledge> {
    const index = await this.options.draftsIndex();
    const semantic = await this.options.semantic?.();
    const vectorSearch =
      semantic && (await semantic.vectors.count()) > 0
        ? vectorSearchFor(index, semantic.vectors, (q) => semantic.embedder.embedQuery(q))
        : undefined;
    return {
      against: 'drafts',
      index,
      filter: customerFilter,
      vectorSearch,
      profile: await readWorkingProfile(this.options.store.ws),
    };
  }

  /** NOT_FOUND when the agent profile has no approved version yet. */
  async approved(): Promise<Knowledge> {
    const { store, book } = this.options;
    const approvedProfile = (await book.article(profileSubject)).facts.approved;
    if (!approvedProfile) {
      throw new AlmanacError(
        'NOT_FOUND',
        'The agent profile has no approved version yet, so nothing could be published: submit agent/profile.md for review and have it approved.',
      );
    }
    const profile = await readProfileVersion(store.ws, approvedProfile.version);
    this.approvedIndex ??= ChunkIndex.open(path.join(store.ws.localDir, 'approved-index'));
    const index = await this.approvedIndex;
    // What a publish would serve and nothing else: the same articles give the same term statistics,
    // so this view answers as the snapshot built from it will.
    await indexWorkspace(customerFacing(approvedArticles(store)), index, { exactStatistics: true });
    const semantic = await this.options.semantic?.();
    let vectorSearch: Knowledge['vectorSearch'];
    if (semantic) {
      this.approvedVectors ??= VectorStore.open(index.dir, semantic.embedder.modelId, semantic.embedder.dimension);
      const vectors = await this.approvedVectors;
      await vectors.sync(await index.rowsForVectors(), semantic.embedder, { reuse: semantic.vectors });
      vectorSearch = vectorSearchFor(index, vectors, (q) => semantic.embedder.embedQuery(q));
    }
    return { against: 'approved', index, filter: customerFilter, vectorSearch, profile };
  }

  knowledge(against: 'drafts' | 'approved'): Promise<Knowledge> {
    return against === 'approved' ? this.approved() : this.drafts();
  }

  async close(): Promise<void> {
    (await this.approvedVectors?.catch(() => undefined))?.close();
    (await this.approvedIndex?.catch(() => undefined))?.close();
  }
}
