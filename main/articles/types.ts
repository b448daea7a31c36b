import type { Problem } from '../AlmanacError.js';
import type { ArticleMeta, ArticleSource } from './articleMeta.js';
import type { ArticleStatus, ReviewSummary, VersionState } from './articleStatus.js';

export interface ArticleSummary {
  id: string;
  title: string;
  tags: string[];
  locale: string;
  audience: ArticleMeta['audience'];
  owner: string;
  reviewBy?: string;
  status: ArticleStatus;
  versionState: VersionState;
  /** Content hash of the file on disk. */
  version: string;
  /** Last change of the file on disk, in ms since the epoch. */
  updatedAt: number;
  problems?: Problem[];
  /** What its review records establish, when it has any. */
  review?: ReviewSummary;
  /** Where an imported article came from. */
  source?: ArticleSource;
}

export interface Article extends ArticleSummary {
  meta: ArticleMeta;
  body: string;
}
