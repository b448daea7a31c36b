import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { articleIdSchema } from '../articles/articleMeta.js';
import { signValue } from '../team/keys.js';
import type { Signer } from '../team/localIdentity.js';
import { checkSignature } from '../team/verifySigner.js';
import { profileSubject } from '../versions/repository.js';
import { withLock } from '../workspace/withLock.js';
import type { Workspace } from '../workspace/Workspace.js';
import type { Member } from '../workspace/workspaceConfig.js';

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

/** Parse and check every line: the shape, the article it is filed under, and the author's signature. */
export function parseRecords(articleId: string, text: string, team: Member[]): ReadRecord[] {
  const out: ReadRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const id = createHash('sha256').update(line.trim()).digest('hex').slice(0, 16);
    const bad = (invalid: string, record?: ReviewRecord) =>
      out.push({ id, line: i + 1, record, valid: false, invalid });
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return bad('not valid JSON');
    }
    const parsed = recordBodySchema.extend({ sig: z.string() }).strict().safeParse(json);
    if (!parsed.success) return bad(`not a review record: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    const { sig, ...body } = parsed.data;
    const record = parsed.data as ReviewRecord;
    if (body.article !== articleId) return bad(`filed under ${articleId} but speaks of ${body.article}`, record);
    const check = checkSignature(team, body.author, body, sig, body.time);
    if (!check.ok) return bad(`signature: ${check.reason}`, record);
    out.push({ id, line: i + 1, record, valid: true });
  });
  return out;
}

/** Every record of one article, in file order, each checked. */
export async function readRecords(ws: Workspace, articleId: string): Promise<ReadRecord[]> {
  const text = await readFile(path.join(ws.root, reviewFile(articleId)), 'utf8').catch(() => '');
  return parseRecords(articleId, text, ws.config.team);
}

/** Ids of articles that have a review file. */
export async function reviewedArticleIds(ws: Workspace): Promise<string[]> {
  const names = await readdir(path.join(ws.root, reviewsDir)).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -'.jsonl'.length));
}

/** Append one signed record to `reviews/<article>.jsonl`; the caller commits the file. */
export async function appendRecord(ws: Workspace, record: ReviewRecord): Promise<void> {
  const file = path.join(ws.root, reviewFile(record.article));
  await mkdir(path.dirname(file), { recursive: true });
  await withLock(
    ws.localDir,
    `review-${record.article}`,
    () => appendFile(file, `${JSON.stringify(record)}\n`, 'utf8'),
    {
      staleMs: 5_000,
      waitMs: 30_000,
    },
  );
}
