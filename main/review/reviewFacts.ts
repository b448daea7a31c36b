import { can, type Actor } from '../policy/index.js';
import type { ReviewFacts } from '../articles/index.js';
import type { Role } from '../trust/index.js';
import type { ReviewAction, ReviewRecord } from './reviewRecords.js';

/** A review action as the signed audit chain states it, with the record line it names when that line is there. */
export interface ReviewEvent {
  /** The record id (16 hex digits) comments reply to. */
  id: string;
  /** Place in the audit chain: the order facts are established in, whatever the order of lines in a file. */
  seq: number;
  type: ReviewAction;
  version: string;
  author: string;
  time: string;
  record?: ReviewRecord;
}

/** What the rules read of a version: from that version's own front matter, never the working file. */
export interface VersionMeta {
  regulated: boolean;
  owner?: string;
  /** Why the version's front matter could not be read (it then counts as regulated: fail closed). */
  unreadable?: string;
}

export interface FactsContext {
  /** The roles a member held at a point of the chain. */
  rolesAt(member: string, seq: number): Role[];
  /** Who wrote a version (signed saves since the last approval), or undefined when it is not a saved version. */
  authorsOf(version: string): Set<string> | undefined;
  metaOf(version: string): VersionMeta;
}

/** Versions an approval speaks of (before the rules): where authorship starts again. */
export function approvalCandidates(events: ReviewEvent[]): Set<string> {
  return new Set(events.filter((e) => e.type === 'approve').map((e) => e.version));
}

/**
 * Replay one article's review events in chain order and establish its facts. An event that breaks a
 * rule (approving a version one wrote or submitted, approving without the role one held then, a
 * version not in history) counts for nothing and gets its reason. A version is regulated when its
 * own front matter says so, or when the approved version it replaces was: removing the flag needs
 * the compliance approval too. A regulated version is approved once a reviewer and a compliance
 * member have approved it.
 */
export function establishFacts(
  events: ReviewEvent[],
  ctx: FactsContext,
): { facts: ReviewFacts; rejected: Map<string, string> } {
  const facts: ReviewFacts = { openComments: 0, invalidRecords: 0 };
  const rejected = new Map<string, string>();
  const submitters = new Map<string, Set<string>>();
  const sides = new Map<string, { reviewer?: string; compliance?: { author: string; time: string } }>();
  const reject = (e: ReviewEvent, reason: string) => rejected.set(e.id, reason);
  // The roles the author held when the record was made, asked of the same policy the actions obey.
  const actor = (e: ReviewEvent): Actor => ({ id: e.author, roles: ctx.rolesAt(e.author, e.seq) });
  const has = (e: ReviewEvent, role: Role) => ctx.rolesAt(e.author, e.seq).includes(role);
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const { type, version, author, time } = e;
    const authors = ctx.authorsOf(version);
    if (type !== 'comment' && !authors) {
      reject(e, `version ${version.slice(0, 7)} is not a saved version of this article`);
      continue;
    }
    if (type === 'submit') {
      submitters.set(version, new Set([...(submitters.get(version) ?? []), author]));
      facts.last = { type, version, author, time };
      facts.submittedBy = author;
    } else if (type === 'approve' || type === 'request-changes') {
      const meta = ctx.metaOf(version);
      const regulated =
        meta.regulated || (facts.approved !== undefined && ctx.metaOf(facts.approved.version).regulated);
      const complianceSide = regulated && has(e, 'compliance');
      if (!can(actor(e), type === 'approve' ? 'review.approve' : 'review.requestChanges', { regulated })) {
        reject(e, `${author} was not a reviewer`);
        continue;
      }
      if (
        type === 'approve' &&
        !can(actor(e), 'review.approve', { regulated, authors: [...authors!, ...(submitters.get(version) ?? [])] })
      ) {
        reject(e, `${author} wrote or submitted this version and cannot approve it`);
        continue;
      }
      if (type === 'approve' && !submitters.has(version)) {
        reject(e, 'this version was never submitted for review');
        continue;
      }
      if (type === 'approve' && regulated) {
        const side = sides.get(version) ?? {};
        if (has(e, 'reviewer')) side.reviewer ??= author;
        if (complianceSide) side.compliance ??= { author, time };
        sides.set(version, side);
        if (!side.reviewer || !side.compliance) {
          facts.awaiting = { version, missing: side.reviewer ? 'compliance' : 'reviewer' };
          continue;
        }
        facts.awaiting = undefined;
        facts.compliance = side.compliance;
      }
      facts.last = { type, version, author, time };
      if (type === 'approve') facts.approved = { version, author, time };
    } else if (type === 'withdraw') {
      if (facts.last?.type !== 'submit') {
        reject(e, 'nothing was waiting for review');
        continue;
      }
      if (!can(actor(e), 'review.withdraw', { submittedBy: facts.submittedBy })) {
        reject(e, `${author} neither submitted this version nor is a manager`);
        continue;
      }
      facts.last = { type, version, author, time };
    } else if (type === 'reverify') {
      if (facts.approved?.version !== version) {
        reject(e, 'only the approved version can be re-verified');
        continue;
      }
      if (!can(actor(e), 'review.reverify', { owner: ctx.metaOf(version).owner })) {
        reject(e, `${author} is neither the owner nor a reviewer`);
        continue;
      }
      facts.reverifiedUntil = e.record?.reviewBy ?? facts.reverifiedUntil;
    }
  }
  // A comment is open until someone other than its author answers it.
  const comments = events.filter((e) => e.type === 'comment' && !rejected.has(e.id));
  for (const c of comments) {
    if (c.record?.replyTo) continue;
    const answered = comments.some((x) => x.record?.replyTo === c.id && x.author !== c.author);
    if (!answered) facts.openComments++;
  }
  facts.invalidRecords = rejected.size;
  return { facts, rejected };
}
