import type { ArticleMeta } from './articleMeta.js';

/**
 * Workflow status, derived from the file and the article's valid review records, never stored.
 * `invalid`: the front matter needs fixing; `stale`: past its review-by date.
 */
export type ArticleStatus = 'draft' | 'in-review' | 'changes-requested' | 'approved' | 'stale' | 'archived' | 'invalid';

export const articleStatuses: ArticleStatus[] = [
  'draft',
  'in-review',
  'changes-requested',
  'approved',
  'stale',
  'archived',
  'invalid',
];

/** Where the file stands against its last saved version. */
export type VersionState = 'unversioned' | 'modified' | 'versioned';

/** What the review records of one article establish (valid records only). */
export interface ReviewFacts {
  /** The newest record that moves the workflow (submit, approve, request changes, withdraw). */
  last?: { type: 'submit' | 'approve' | 'request-changes' | 'withdraw'; version: string; author: string; time: string };
  /** The newest approved version: what may reach customers. */
  approved?: { version: string; author: string; time: string };
  /** Who submitted the version `last` speaks of: theirs to withdraw, and to answer a change request. */
  submittedBy?: string;
  /** A later review-by date set by re-verifying the approved version. */
  reverifiedUntil?: string;
  /** Comments by others on this article that its owner has not answered. */
  openComments: number;
  /** Records that failed their checks (shown, never trusted). */
  invalidRecords: number;
  /** A regulated article's version approved by one side only: the approval still missing. */
  awaiting?: { version: string; missing: 'compliance' | 'reviewer' };
  /** The compliance member who approved the approved version of a regulated article. */
  compliance?: { author: string; time: string };
}

/** Review facts as the studio shows them beside the status. */
export interface ReviewSummary extends ReviewFacts {
  /** The working text differs from the approved version (approved, newer draft). */
  newerDraft: boolean;
  /** The review-by date in force: the front matter's, or a later re-verification's. */
  reviewBy?: string;
}

/** Supplies review facts to the article store (the review domain implements it). */
export interface ReviewSource {
  /** Every reviewed article's facts, for a listing. */
  facts(): Promise<Map<string, ReviewFacts>>;
  /** One article's facts (undefined when it has no records). */
  factsFor(id: string): Promise<ReviewFacts | undefined>;
}

/**
 * The status of an article: invalid and archived first; then what its newest workflow record says
 * of the working text (an edit after approval is a draft again; changes requested stays until the
 * next submit); approved or draft past its review-by date is stale.
 */
export function deriveStatus(
  meta: ArticleMeta | undefined,
  today: string,
  working?: string,
  review?: ReviewFacts,
): ArticleStatus {
  if (!meta) return 'invalid';
  if (meta.archived) return 'archived';
  let status: ArticleStatus = 'draft';
  const last = review?.last;
  if (last?.type === 'submit') status = 'in-review';
  else if (last?.type === 'request-changes') status = 'changes-requested';
  else if (last?.type === 'approve' && last.version === working) status = 'approved';
  const reviewBy = effectiveReviewBy(meta.reviewBy, review);
  if ((status === 'approved' || status === 'draft') && reviewBy && reviewBy < today) return 'stale';
  return status;
}

export function effectiveReviewBy(reviewBy: string | undefined, review?: ReviewFacts): string | undefined {
  const until = review?.reverifiedUntil;
  if (!until) return reviewBy;
  return !reviewBy || until > reviewBy ? until : reviewBy;
}

export function reviewSummary(meta: ArticleMeta | undefined, working: string, review: ReviewFacts): ReviewSummary {
  return {
    ...review,
    newerDraft: review.approved !== undefined && review.approved.version !== working,
    reviewBy: effectiveReviewBy(meta?.reviewBy, review),
  };
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
