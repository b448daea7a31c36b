import { describe, expect, it } from 'vitest';
import { AlmanacError } from '../AlmanacError.js';
import { authorize, can, refusal, type Action } from './index.js';

const ana = { id: 'ana', name: 'Ana', roles: ['author'] as const };
const rui = { id: 'rui', name: 'Rui', roles: ['reviewer'] as const };
const mei = { id: 'mei', name: 'Mei', roles: ['manager'] as const };
const cai = { id: 'cai', name: 'Cai', roles: ['compliance'] as const };

describe('can(member, action, subject)', () => {
  it('lets only managers change the team, publish and roll back', () => {
    const managerOnly: Action[] = ['team.change', 'snapshot.publish', 'snapshot.rollback'];
    for (const action of managerOnly) {
      expect(can(mei, action)).toBe(true);
      for (const other of [ana, rui, cai]) expect(can(other, action)).toBe(false);
    }
    expect(refusal(rui, 'snapshot.rollback')).toBe('Only managers roll back; Rui is not one.');
  });

  it('lets a reviewer approve what others wrote and submitted, never their own', () => {
    expect(can(rui, 'review.approve', { authors: ['ana'] })).toBe(true);
    expect(can(rui, 'review.approve', { authors: ['ana', 'rui'] })).toBe(false);
    expect(refusal(rui, 'review.approve', { article: 'refunds', authors: ['rui'] })).toContain(
      'wrote or submitted this version of refunds',
    );
    expect(can(ana, 'review.approve', { authors: ['mei'] })).toBe(false);
  });

  it('lets a compliance member approve or send back only a regulated version', () => {
    expect(can(cai, 'review.approve', { regulated: true, authors: ['ana'] })).toBe(true);
    expect(can(cai, 'review.approve', { regulated: false, authors: ['ana'] })).toBe(false);
    expect(can(cai, 'review.requestChanges', { regulated: true })).toBe(true);
    expect(can(cai, 'review.requestChanges')).toBe(false);
    expect(can(rui, 'review.requestChanges')).toBe(true);
  });

  it('lets the submitter or a manager withdraw, and the owner, a reviewer or a manager re-verify', () => {
    expect(can(ana, 'review.withdraw', { submittedBy: 'ana' })).toBe(true);
    expect(can(rui, 'review.withdraw', { submittedBy: 'ana' })).toBe(false);
    expect(can(mei, 'review.withdraw', { submittedBy: 'ana' })).toBe(true);
    expect(can(ana, 'review.reverify', { owner: 'ana' })).toBe(true);
    expect(can(ana, 'review.reverify', { owner: 'cai' })).toBe(false);
    expect(can(ana, 'review.reverify', {})).toBe(false);
    expect(can(rui, 'review.reverify', { owner: 'cai' })).toBe(true);
  });

  it('authorize throws FORBIDDEN with the reason, and nothing when allowed', () => {
    expect(() => authorize(mei, 'team.change')).not.toThrow();
    try {
      authorize(ana, 'team.change');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AlmanacError);
      expect((err as AlmanacError).code).toBe('FORBIDDEN');
      expect((err as AlmanacError).message).toBe('Only a manager can change the team; Ana is not one.');
    }
  });
});
