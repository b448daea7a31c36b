import { AlmanacError } from '../AlmanacError.js';
import type { Member } from '../workspace/index.js';

type Role = Member['roles'][number];

/**
 * What a member may try. Each is decided here only: the use cases in the core ask before they act,
 * the audit chain and the review records ask the same of the roles a member held at the time, and
 * the transports (bridge, IPC, CLI, live agent) never look at roles themselves.
 */
export type Action =
  /** Add members, change roles, issue invites, renew another member's key. */
  | 'team.change'
  /** Build and sign a snapshot, publish it to an agent or a bucket. */
  | 'snapshot.publish'
  /** Make an earlier snapshot active again. */
  | 'snapshot.rollback'
  /** Approve an exact version of an article. */
  | 'review.approve'
  /** Send a version back to its author with a note. */
  | 'review.requestChanges'
  /** Take a submitted version back out of review. */
  | 'review.withdraw'
  /** Confirm that an approved article is still right, with a new review-by date. */
  | 'review.reverify';

/** Who asks: a member of the signed roster, or the roles one held at a point of the chain. */
export interface Actor {
  id: string;
  name?: string;
  roles: readonly Role[];
}

/** What an action is about, as far as the rule needs it. */
export interface Subject {
  /** The article id, for messages. */
  article?: string;
  /** The version needs a compliance member's approval too. */
  regulated?: boolean;
  /** The members who wrote or submitted the version: an approval needs someone else. */
  authors?: Iterable<string>;
  /** The member whose submission is waiting for review. */
  submittedBy?: string;
  /** The article's owner. */
  owner?: string;
}

const has = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r));

/** Why `actor` may not do `action` on `subject`, or undefined when it may. */
export function refusal(actor: Actor, action: Action, subject: Subject = {}): string | undefined {
  const who = actor.name ?? actor.id;
  const article = subject.article ?? 'this article';
  switch (action) {
    case 'team.change':
      return has(actor, 'manager') ? undefined : `Only a manager can change the team; ${who} is not one.`;
    case 'snapshot.publish':
      return has(actor, 'manager') ? undefined : `Only managers publish; ${who} is not one. Ask a manager.`;
    case 'snapshot.rollback':
      return has(actor, 'manager') ? undefined : `Only managers roll back; ${who} is not one.`;
    case 'review.approve': {
      if (!has(actor, 'reviewer') && !(subject.regulated && has(actor, 'compliance')))
        return `${who} is not a reviewer; ask a manager for the reviewer role.`;
      if (subject.authors && [...subject.authors].includes(actor.id))
        return `${who} wrote or submitted this version of ${article} and cannot approve it: another reviewer must.`;
      return undefined;
    }
    case 'review.requestChanges':
      return has(actor, 'reviewer') || (subject.regulated && has(actor, 'compliance'))
        ? undefined
        : `${who} is not a reviewer; ask a manager for the reviewer role.`;
    case 'review.withdraw':
      return subject.submittedBy === actor.id || has(actor, 'manager')
        ? undefined
        : `${who} did not submit ${article}: only ${subject.submittedBy ?? 'its submitter'} or a manager takes it back out of review.`;
    case 'review.reverify':
      return has(actor, 'reviewer', 'manager') || (subject.owner !== undefined && subject.owner === actor.id)
        ? undefined
        : `Only ${article}'s owner or a reviewer can re-verify it.`;
  }
}

/** Whether `actor` may do `action` on `subject`. */
export function can(actor: Actor, action: Action, subject: Subject = {}): boolean {
  return refusal(actor, action, subject) === undefined;
}

/** Throws FORBIDDEN, with the reason a person can act on, unless `actor` may do `action`. */
export function authorize(actor: Actor, action: Action, subject: Subject = {}): void {
  const reason = refusal(actor, action, subject);
  if (reason) throw new AlmanacError('FORBIDDEN', reason);
}
