import type { ReviewFacts } from '../articles/index.js';
import type { Member } from '../workspace/workspaceConfig.js';
import type { ReadRecord } from './reviewRecords.js';

const hasRole = (team: Member[], id: string, ...roles: Member['roles'][number][]) =>
  team.find((m) => m.id === id)?.roles.some((r) => roles.includes(r)) ?? false;

/** Versions that an approval record with a valid signature speaks of (before the authorship rule). */
export function approvalCandidates(records: ReadRecord[]): Set<string> {
  return new Set(records.filter((r) => r.valid && r.record!.type === 'approve').map((r) => r.record!.version));
}

/**
 * Replay one article's records in order and establish its review facts. A record that breaks a rule
 * (a reviewer approving a version they wrote, a non-reviewer approving, a version not in history)
 * is marked invalid with the reason and does not count. `authorsOf` gives a saved version's authors.
 * A `regulated` article's version is approved only once a reviewer and a compliance member approved it.
 */
export function establishFacts(
  records: ReadRecord[],
  team: Member[],
  authorsOf: (version: string) => Set<string> | undefined,
  owner?: string,
  regulated = false,
): { facts: ReviewFacts; records: ReadRecord[] } {
  const facts: ReviewFacts = { openComments: 0, invalidRecords: 0 };
  const submitters = new Map<string, Set<string>>();
  // A regulated version needs a reviewer's approval and a compliance member's (one member may hold both).
  const sides = new Map<string, { reviewer?: string; compliance?: { author: string; time: string } }>();
  const checked: ReadRecord[] = [];
  const reject = (r: ReadRecord, invalid: string) => checked.push({ ...r, valid: false, invalid });
  for (const r of records) {
    if (!r.valid) {
      checked.push(r);
      continue;
    }
    const rec = r.record!;
    const { type, version, author, time } = rec;
    const authors = authorsOf(version);
    if (type !== 'comment' && !authors) {
      reject(r, `version ${version.slice(0, 7)} is not a saved version of ${rec.article}`);
      continue;
    }
    if (type === 'submit') {
      submitters.set(version, new Set([...(submitters.get(version) ?? []), author]));
      facts.last = { type, version, author, time };
    } else if (type === 'approve' || type === 'request-changes') {
      const complianceApproval = regulated && hasRole(team, author, 'compliance');
      if (!hasRole(team, author, 'reviewer') && !complianceApproval) {
        reject(r, `${author} is not a reviewer`);
        continue;
      }
      if (type === 'approve' && (authors!.has(author) || submitters.get(version)?.has(author))) {
        reject(r, `${author} wrote or submitted this version and cannot approve it`);
        continue;
      }
      // Git authorship is not signed: an approval also needs a signed submission of that version by someone else.
      if (type === 'approve' && !submitters.has(version)) {
        reject(r, 'this version was never submitted for review');
        continue;
      }
      if (type === 'approve' && regulated) {
        const side = sides.get(version) ?? {};
        if (hasRole(team, author, 'reviewer')) side.reviewer ??= author;
        if (complianceApproval) side.compliance ??= { author, time };
        sides.set(version, side);
        if (!side.reviewer || !side.compliance) {
          facts.awaiting = { version, missing: side.reviewer ? 'compliance' : 'reviewer' };
          checked.push(r);
          continue;
        }
        facts.awaiting = undefined;
        facts.compliance = side.compliance;
      }
      facts.last = { type, version, author, time };
      if (type === 'approve') facts.approved = { version, author, time };
    } else if (type === 'withdraw') {
      if (facts.last?.type !== 'submit') {
        reject(r, 'nothing was waiting for review');
        continue;
      }
      facts.last = { type, version, author, time };
    } else if (type === 'reverify') {
      if (facts.approved?.version !== version) {
        reject(r, 'only the approved version can be re-verified');
        continue;
      }
      if (!hasRole(team, author, 'reviewer', 'manager') && author !== owner) {
        reject(r, `${author} is neither the owner nor a reviewer`);
        continue;
      }
      facts.reverifiedUntil = rec.reviewBy;
    }
    checked.push(r);
  }
  // A comment is open until someone other than its author answers it.
  const comments = checked.filter((r) => r.valid && r.record!.type === 'comment');
  for (const c of comments) {
    if (c.record!.replyTo) continue;
    const answered = comments.some((x) => x.record!.replyTo === c.id && x.record!.author !== c.record!.author);
    if (!answered) facts.openComments++;
  }
  facts.invalidRecords = checked.filter((r) => !r.valid).length;
  return { facts, records: checked };
}
