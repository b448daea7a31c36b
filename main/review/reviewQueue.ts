import type { ArticleStore, ArticleSummary } from '../articles/index.js';
import type { ReviewBook } from './ReviewBook.js';
import { profileReview } from './reviewSubject.js';

export interface QueueItem {
  article: ArticleSummary;
  /** The version waiting for review. */
  version: string;
  submittedBy: string;
  submittedAt: string;
  /** The last approved version, to diff against (none for a first review). */
  approvedVersion?: string;
  /** Who wrote the waiting version since the last approval (signed saves): none of them approves it. */
  authors: string[];
}

/** The agent profile as the queue and the library show an article. */
async function profileSummary(store: ArticleStore, book: ReviewBook): Promise<ArticleSummary | undefined> {
  const p = await profileReview(store, book).catch(() => undefined);
  if (!p) return undefined;
  const { id, title, version, versionState, status, review } = p;
  return {
    id,
    title,
    tags: [],
    locale: '',
    audience: 'customer',
    owner: '',
    status,
    versionState,
    version,
    updatedAt: 0,
    review,
  };
}

/** Versions waiting for review (articles, and the agent profile when a book is given), oldest submission first. */
export async function reviewQueue(store: ArticleStore, book?: ReviewBook): Promise<QueueItem[]> {
  const out: QueueItem[] = [];
  const profile = book ? await profileSummary(store, book) : undefined;
  for (const article of [...(await store.list()), ...(profile ? [profile] : [])]) {
    const last = article.review?.last;
    if (article.status !== 'in-review' || last?.type !== 'submit') continue;
    out.push({
      article,
      version: last.version,
      submittedBy: last.author,
      submittedAt: last.time,
      authors: [...((await book?.article(article.id))?.authors.get(last.version) ?? [])],
      ...(article.review?.approved ? { approvedVersion: article.review.approved.version } : {}),
    });
  }
  return out.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

export type AttentionReason = 'changes-requested' | 'stale' | 'comments' | 'feedback';

export interface AttentionItem {
  article: ArticleSummary;
  reasons: AttentionReason[];
  /** Answer feedback waiting on the article (unhelpful answers citing it, or naming it as the one that should have answered). */
  feedback?: number;
}

/** What a member's own articles need from them: changes requested, past review-by, comments and answer feedback to answer. */
export async function needsAttention(
  store: ArticleStore,
  memberId: string,
  feedback: Map<string, number> = new Map(),
): Promise<AttentionItem[]> {
  const out: AttentionItem[] = [];
  for (const article of await store.list()) {
    // The owner's, and the submitter's while their version is under way; never the reviewer's who
    // asked for changes (the last to act is not the one who must act next).
    const mine = article.owner === memberId || article.review?.submittedBy === memberId;
    if (!mine || article.status === 'archived') continue;
    const reasons: AttentionReason[] = [];
    if (article.status === 'changes-requested') reasons.push('changes-requested');
    if (article.status === 'stale' && article.owner === memberId) reasons.push('stale');
    if ((article.review?.openComments ?? 0) > 0) reasons.push('comments');
    const waiting = feedback.get(article.id) ?? 0;
    if (waiting > 0 && article.owner === memberId) reasons.push('feedback');
    if (reasons.length) out.push({ article, reasons, ...(waiting ? { feedback: waiting } : {}) });
  }
  const rank = (i: AttentionItem) =>
    i.reasons.includes('changes-requested')
      ? 0
      : i.reasons.includes('comments')
        ? 1
        : i.reasons.includes('feedback')
          ? 2
          : 3;
  return out.sort((a, b) => rank(a) - rank(b) || a.article.title.localeCompare(b.article.title));
}
