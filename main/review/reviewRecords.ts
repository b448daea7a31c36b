import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { appendJsonLineInside, inFileOrder, parseJsonLines } from '../workspace/index.js';
import path from 'node:path';
import { z } from 'zod';
import { AlmanacError } from '../AlmanacError.js';
import { articleIdSchema } from '../articles/index.js';
import { signValue } from '../identity/index.js';
import type { Signer } from '../identity/index.js';
import { profileSubject } from '../versions/index.js';
import { withLock } from '../workspace/index.js';
import type { Workspace } from '../workspace/index.js';

export const reviewActions = ['submit', 'approve', 'request-changes', 'comment', 'withdraw', 'reverify'] as const;
export type ReviewAction = (typeof reviewActions)[number];

/** A passage a comment points at, as a quote with a little context on each side. */
export const anchorSchema = z.object({
  quote: z.string().min(1).max(2000),
  prefix: z.string().max(200).optional(),
  suffix: z.string().max(200).optional(),
});
export type PassageAnchor = z.infer<typeof anchorSchema>;

/** What a review record says; its author signs exactly this. */
/** What a review speaks of: an article, or the agent profile (`@profile`). */
export const subjectIdSchema = z.union([articleIdSchema, z.literal(profileSubject)]);

export const recordBodySchema = z.object({
  type: z.enum(reviewActions),
  article: subjectIdSchema,
  /** Content hash (git blob id) of the version the record speaks of. */
  version: z.string().regex(/^[0-9a-f]{40}$/),
  author: z.string(),
  time: z.string(),
  note: z.string().max(20_000).optional(),
  anchor: anchorSchema.optional(),
  /** The record id of the comment this one answers. */
  replyTo: z.string().optional(),
  /** For reverify: the new review-by date (YYYY-MM-DD). */
  reviewBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type ReviewRecordBody = z.infer<typeof recordBodySchema>;
export type ReviewRecord = ReviewRecordBody & { sig: string };

/** One line of a review file as read back: trusted only when `valid`. */
export interface ReadRecord {
  /** Stable id: the first 16 hex digits of the SHA-256 of the line. */
  id: string;
  /** 1-based line in the file; 0 when the signed audit entry names a record the file no longer has. */
  line: number;
  record?: ReviewRecord;
  valid: boolean;
  /** Why the record is not trusted. */
  invalid?: string;
}

export const reviewsDir = 'reviews';
export const reviewFile = (id: string) => path.posix.join(reviewsDir, `${id}.jsonl`);

export function signRecord(body: ReviewRecordBody, signer: Signer): ReviewRecord {
  return { ...body, sig: signValue(body, signer.privateKeyPem) };
}

/** The line a record is stored as, and its hash: what the audit entry of the action names. */
export function recordLine(record: ReviewRecord): { line: string; hash: string } {
  const line = JSON.stringify(record);
  return { line, hash: createHash('sha256').update(line).digest('hex') };
}

/** One line of a review file, parsed (or why it is not a record), with its hash. */
export interface RecordLine {
  line: number;
  hash: string;
  record?: ReviewRecord;
  damaged?: string;
}

const storedRecordSchema = recordBodySchema.extend({ sig: z.string() }).strict();

/** Parse every line of a review file; the audit chain decides which of them count. */
export function parseRecordLines(articleId: string, text: string): RecordLine[] {
  return inFileOrder(parseJsonLines(text, storedRecordSchema)).map((l): RecordLine => {
    const hash = createHash('sha256').update(l.raw.trim()).digest('hex');
    if (!('value' in l))
      return {
        line: l.line,
        hash,
        damaged: l.issues ? `not a review record: ${l.issues[0]?.message ?? 'bad shape'}` : 'not valid JSON',
      };
    if (l.value.article !== articleId)
      return { line: l.line, hash, damaged: `filed under ${articleId} but speaks of ${l.value.article}` };
    return { line: l.line, hash, record: l.value as ReviewRecord };
  });
}

/** The text of one article's review file ('' when it has none); DAMAGED when it cannot be read. */
export async function readReviewFile(ws: Workspace, articleId: string): Promise<string> {
  try {
    return await readFile(path.join(ws.root, reviewFile(articleId)), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return '';
    throw new AlmanacError(
      'DAMAGED',
      `${reviewFile(articleId)} cannot be read (${code ?? (err as Error).message}). Restore it from the team (almanac sync, or git checkout).`,
      { problems: [{ file: reviewFile(articleId), message: `cannot be read (${code})` }] },
    );
  }
}

/** Ids of articles that have a review file. */
export async function reviewedArticleIds(ws: Workspace): Promise<string[]> {
  const names = await readdir(path.join(ws.root, reviewsDir)).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -'.jsonl'.length));
}

/** Append one signed record to `reviews/<article>.jsonl`; the caller commits the file. Returns the line's hash. */
export async function appendRecord(ws: Workspace, record: ReviewRecord): Promise<string> {
  const file = path.join(ws.root, reviewFile(record.article));
  // The line appended is JSON.stringify(record), as recordLine hashes it.
  await withLock(ws.localDir, `review-${record.article}`, () => appendJsonLineInside(ws.root, file, record), {
    staleMs: 5_000,
    waitMs: 30_000,
  });
  return recordLine(record).hash;
}
