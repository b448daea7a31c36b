import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './diffSnapshots.js';

const article = (id: string, version: string) => ({
  id,
  version,
  title: id,
  locale: 'en',
  audience: 'customer',
  approvedBy: 'sara',
  approvedAt: '2026-12-01T00:00:00Z',
});

describe('diffSnapshots', () => {
  it('names the articles added, changed and removed, and a changed profile', () => {
    const live = {
      id: 'a',
      articles: [article('refunds', '1'), article('returns', '2')],
      profile: { version: 'p1', approvedBy: 's', approvedAt: '' },
    };
    const next = {
      id: 'b',
      articles: [article('refunds', '9'), article('gift-cards', '3')],
      profile: { version: 'p2', approvedBy: 's', approvedAt: '' },
    };
    const diff = diffSnapshots(live, next);
    expect(diff.added.map((a) => a.id)).toEqual(['gift-cards']);
    expect(diff.changed).toEqual([{ id: 'refunds', title: 'refunds', from: '1', to: '9' }]);
    expect(diff.removed.map((a) => a.id)).toEqual(['returns']);
    expect(diff.profileChanged).toBe(true);
    expect(diffSnapshots(null, next).added).toHaveLength(2);
  });
});
