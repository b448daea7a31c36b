import { AlmanacError } from '../AlmanacError.js';
import { authorize } from '../policy/index.js';
import { todayIso, type ArticleStore } from '../articles/index.js';
import { appendAudit, auditFile, auditHeadFile, type AuditAction } from '../audit/index.js';
import type { Signer } from '../identity/index.js';
import { requireTrust } from '../trust/index.js';
import { commitArticles, commitPaths, listVersions } from '../versions/index.js';
import { versionMeta, type ReviewBook } from './ReviewBook.js';
import { reviewSubject } from './reviewSubject.js';
import { appendRecord, reviewFile, signRecord, type PassageAnchor, type ReviewRecordBody } from './reviewRecords.js';

export interface ReviewContext {
  store: ArticleStore;
  book: ReviewBook;
  signer: Signer;
}

export interface ReviewOutcome {
  id: string;
  type: ReviewRecordBody['type'];
  version: string;
  commit: string;
}

/** Whether the signer holds the role a regulated version still waits for (a state rule, not a permission). */
const holds = (signer: Signer, role: 'reviewer' | 'compliance') => signer.member.roles.includes(role);

/**
 * Whether a version needs a compliance member's approval too: its own front matter says regulated,
 * or the approved version it would replace was (removing the flag needs compliance). A version
 * whose front matter cannot be read counts as regulated.
 */
async function isRegulated(ctx: ReviewContext, id: string, version: string): Promise<boolean> {
  const { facts } = await ctx.book.article(id);
  if ((await versionMeta(ctx.store.ws, id, version)).regulated) return true;
  return facts.approved ? (await versionMeta(ctx.store.ws, id, facts.approved.version)).regulated : false;
}

/** The review state of an article, or DAMAGED when the chain or its review file does not read. */
async function reviewsOf(ctx: ReviewContext, id: string) {
  await requireTrust(ctx.store.ws);
  const reviews = await ctx.book.article(id);
  if (reviews.damaged) throw reviews.damaged;
  return reviews;
}

async function record(
  ctx: ReviewContext,
  body: Omit<ReviewRecordBody, 'author' | 'time'>,
  summary: string,
): Promise<ReviewOutcome> {
  const { store, book, signer } = ctx;
  const ws = store.ws;
  await reviewsOf(ctx, body.article);
  const signed = signRecord({ ...body, author: signer.member.id, time: new Date().toISOString() }, signer);
  const hash = await appendRecord(ws, signed);
  await appendAudit(ws, signer, `review.${body.type}` as AuditAction, body.article, {
    version: body.version,
    record: hash,
    ...(body.reviewBy ? { reviewBy: body.reviewBy } : {}),
    ...(body.note ? { note: body.note.slice(0, 500) } : {}),
  });
  const commit = await commitPaths(ws, [reviewFile(body.article), auditFile, auditHeadFile], summary, signer.member.id);
  book.invalidate(body.article);
  return { id: body.article, type: body.type, version: body.version, commit };
}

/** The saved version a review action speaks of: the given prefix, else the one waiting for review, else the newest. */
async function targetVersion(ctx: ReviewContext, id: string, version?: string): Promise<string> {
  const saved = (await listVersions(ctx.store.ws, id)).map((v) => v.version).filter((v): v is string => !!v);
  if (saved.length === 0) throw new AlmanacError('NOT_FOUND', `${id} has no saved version to review. Submit it first.`);
  if (version) {
    const hits = [...new Set(saved.filter((v) => v.startsWith(version.toLowerCase())))];
    if (hits.length !== 1)
      throw new AlmanacError(
        hits.length ? 'VALIDATION_FAILED' : 'NOT_FOUND',
        hits.length ? `Version ${version} is ambiguous for ${id}.` : `Article ${id} has no saved version ${version}.`,
      );
    return hits[0]!;
  }
  const { facts } = await ctx.book.article(id);
  return facts.last?.type === 'submit' ? facts.last.version : saved[0]!;
}

/** Submit the working text for review: saved as a version first when it has unsaved changes. */
export async function submitForReview(ctx: ReviewContext, id: string, note?: string): Promise<ReviewOutcome> {
  const article = await reviewSubject(ctx.store, ctx.book, id);
  if (article.status === 'invalid')
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `Fix the front matter of ${id} before submitting it: ${article.problems ?? ''}`,
    );
  if (article.versionState !== 'versioned')
    await commitArticles(ctx.store.ws, [id], note?.trim() || `Submit ${id} for review`, ctx.signer);
  const version = article.version;
  const { facts } = await ctx.book.article(id);
  if (facts.last?.type === 'submit' && facts.last.version === version)
    throw new AlmanacError('CONFLICT', `This version of ${id} is already waiting for review.`);
  if (facts.approved?.version === version)
    throw new AlmanacError('CONFLICT', `This version of ${id} is already approved.`);
  const awaiting = facts.awaiting?.version === version ? facts.awaiting.missing : undefined;
  if (awaiting && !holds(ctx.signer, awaiting))
    throw new AlmanacError(
      'CONFLICT',
      `${id} is regulated: this version has its ${awaiting === 'compliance' ? "reviewer's" : "compliance member's"} approval and now needs one from a member with the ${awaiting} role.`,
    );
  return record(ctx, { type: 'submit', article: id, version, ...(note ? { note } : {}) }, `Submit ${id} for review`);
}

/**
 * Approve an exact version; the core refuses a reviewer who wrote or submitted it. A regulated
 * article takes a reviewer's approval and a compliance member's; FORBIDDEN for anyone else.
 */
export async function approve(
  ctx: ReviewContext,
  id: string,
  opts: { version?: string; note?: string } = {},
): Promise<ReviewOutcome> {
  await reviewsOf(ctx, id);
  const version = await targetVersion(ctx, id, opts.version);
  const regulated = await isRegulated(ctx, id, version);
  const { authors, facts, records } = await ctx.book.article(id);
  authorize(ctx.signer.member, 'review.approve', {
    article: id,
    regulated,
    authors: [
      ...(authors.get(version) ?? []),
      ...(facts.last?.type === 'submit' && facts.last.version === version ? [facts.last.author] : []),
    ],
  });
  if (facts.approved?.version === version)
    throw new AlmanacError('CONFLICT', `This version of ${id} is already approved.`);
  const awaiting = facts.awaiting?.version === version ? facts.awaiting.missing : undefined;
  if (awaiting && !holds(ctx.signer, awaiting))
    throw new AlmanacError(
      'CONFLICT',
      `${id} is regulated: this version has its ${awaiting === 'compliance' ? "reviewer's" : "compliance member's"} approval and now needs one from a member with the ${awaiting} role.`,
    );
  if (!records.some((r) => r.valid && r.record!.type === 'submit' && r.record!.version === version))
    throw new AlmanacError(
      'CONFLICT',
      `This version of ${id} was never submitted for review: its author submits it first.`,
    );
  return record(
    ctx,
    { type: 'approve', article: id, version, ...(opts.note ? { note: opts.note } : {}) },
    `Approve ${id}`,
  );
}

export async function requestChanges(
  ctx: ReviewContext,
  id: string,
  note: string,
  opts: { version?: string } = {},
): Promise<ReviewOutcome> {
  if (!note.trim()) throw new AlmanacError('VALIDATION_FAILED', 'Say what needs to change: pass a note.');
  const version = await targetVersion(ctx, id, opts.version);
  authorize(ctx.signer.member, 'review.requestChanges', {
    article: id,
    regulated: await isRegulated(ctx, id, version),
  });
  return record(ctx, { type: 'request-changes', article: id, version, note }, `Request changes to ${id}`);
}

export async function comment(
  ctx: ReviewContext,
  id: string,
  note: string,
  opts: { version?: string; anchor?: PassageAnchor; replyTo?: string } = {},
): Promise<ReviewOutcome> {
  if (!note.trim()) throw new AlmanacError('VALIDATION_FAILED', 'A comment needs text.');
  const version = await targetVersion(ctx, id, opts.version);
  if (opts.replyTo && !(await ctx.book.article(id)).records.some((r) => r.id === opts.replyTo))
    throw new AlmanacError('NOT_FOUND', `There is no comment ${opts.replyTo} on ${id}.`);
  return record(
    ctx,
    {
      type: 'comment',
      article: id,
      version,
      note,
      ...(opts.anchor ? { anchor: opts.anchor } : {}),
      ...(opts.replyTo ? { replyTo: opts.replyTo } : {}),
    },
    `Comment on ${id}`,
  );
}

export async function withdraw(ctx: ReviewContext, id: string, note?: string): Promise<ReviewOutcome> {
  const { facts } = await ctx.book.article(id);
  if (facts.last?.type !== 'submit') throw new AlmanacError('CONFLICT', `${id} is not waiting for review.`);
  authorize(ctx.signer.member, 'review.withdraw', { article: id, submittedBy: facts.submittedBy });
  return record(
    ctx,
    { type: 'withdraw', article: id, version: facts.last.version, ...(note ? { note } : {}) },
    `Withdraw ${id} from review`,
  );
}

export interface ReverifyResult {
  id: string;
  ok: boolean;
  reviewBy?: string;
  reason?: string;
}

/** Confirm that approved articles are still correct: each gets a new review-by date without a new version. */
export async function reverify(
  ctx: ReviewContext,
  ids: string[],
  opts: { until?: string; days?: number } = {},
): Promise<ReverifyResult[]> {
  const until = opts.until ?? addDays(todayIso(), opts.days ?? 180);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until <= todayIso())
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `The new review-by date must be a future YYYY-MM-DD date, not ${until}.`,
    );
  const out: ReverifyResult[] = [];
  for (const id of ids) {
    try {
      const article = await reviewSubject(ctx.store, ctx.book, id);
      const approved = article.review?.approved?.version;
      if (!approved || approved !== article.version)
        throw new AlmanacError(
          'CONFLICT',
          approved
            ? `${id} changed since it was approved: submit the new text instead.`
            : `${id} has no approved version to re-verify.`,
        );
      const owner = (await versionMeta(ctx.store.ws, id, approved)).owner;
      authorize(ctx.signer.member, 'review.reverify', { article: id, owner });
      await record(
        ctx,
        { type: 'reverify', article: id, version: approved, reviewBy: until },
        `Re-verify ${id} until ${until}`,
      );
      out.push({ id, ok: true, reviewBy: until });
    } catch (err) {
      out.push({ id, ok: false, reason: (err as Error).message });
    }
  }
  return out;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
