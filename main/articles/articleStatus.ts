import type { ArticleMeta } from './articleMeta.js';

/**
 * Workflow status, derived from the file (reviews and publishing add their states later).
 * `invalid`: the front matter needs fixing; `stale`: past its review-by date.
 */
export type ArticleStatus = 'draft' | 'stale' | 'archived' | 'invalid';

/** Where the file stands against its last saved version. */
export type VersionState = 'unversioned' | 'modified' | 'versioned';

export function deriveStatus(meta: ArticleMeta | undefined, today: string): ArticleStatus {
  if (!meta) return 'invalid';
  if (meta.archived) return 'archived';
  if (meta.reviewBy && meta.reviewBy < today) return 'stale';
  return 'draft';
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
