import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import {
  deriveStatus,
  readFrontMatter,
  reviewSummary,
  todayIso,
  type ArticleMeta,
  type ArticleStatus,
  type ArticleStore,
  type ReviewSummary,
  type VersionState,
} from '../articles/index.js';
import { articlePath, blobHash, profileSubject, resolveVersion } from '../versions/index.js';
import type { ReviewBook } from './ReviewBook.js';

/** What review actions need to know of an article or of the agent profile. */
export interface ReviewSubject {
  id: string;
  title: string;
  /** Content hash of the working text. */
  version: string;
  versionState: VersionState;
  status: ArticleStatus;
  owner?: string;
  review?: ReviewSummary;
  /** Why the front matter is not valid, when it is not. */
  problems?: string;
}

/** The agent profile as a review subject: versioned and reviewed like an article, never archived. */
export async function profileReview(store: ArticleStore, book: ReviewBook): Promise<ReviewSubject> {
  const file = path.join(store.ws.root, articlePath(profileSubject));
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AlmanacError('NOT_FOUND', 'This workspace has no agent profile (agent/profile.md).');
  });
  const version = blobHash(text);
  const latest = await resolveVersion(store.ws, profileSubject, 'latest').catch(() => undefined);
  let reviewBy: string | undefined;
  try {
    const value = readFrontMatter(text, file).data.reviewBy;
    reviewBy = typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : undefined;
  } catch {
    reviewBy = undefined;
  }
  const meta = { archived: false, reviewBy } as ArticleMeta;
  const { facts } = await book.article(profileSubject);
  return {
    id: profileSubject,
    title: 'Agent profile',
    version,
    versionState: !latest ? 'unversioned' : latest.version === version ? 'versioned' : 'modified',
    status: deriveStatus(meta, todayIso(), version, facts),
    review: reviewSummary(meta, version, facts),
  };
}

export async function reviewSubject(store: ArticleStore, book: ReviewBook, id: string): Promise<ReviewSubject> {
  if (id === profileSubject) return profileReview(store, book);
  const a = await store.get(id);
  return {
    id: a.id,
    title: a.title,
    version: a.version,
    versionState: a.versionState,
    status: a.status,
    owner: a.owner,
    review: a.review,
    problems: a.problems?.map((p) => p.message).join('; '),
  };
}
