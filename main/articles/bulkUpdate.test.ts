import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import type { ArticleStore } from './ArticleStore.js';
import { bulkRestore, bulkUpdate } from './bulkUpdate.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let store: ArticleStore;
const ids = ['refund-policy', 'return-policy', 'gift-cards', 'exchanges', 'order-tracking'];
const fileOf = (id: string) => path.join(ctx.ws.articlesDir, `${id}.md`);
const texts = () => Promise.all(ids.map((id) => readFile(fileOf(id), 'utf8')));

beforeEach(async () => {
  ctx = await tempWorkspace({ sample: true });
  store = ctx.store;
});
afterEach(() => ctx.cleanup());

async function failure(work: Promise<unknown>): Promise<AlmanacError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AlmanacError);
  return err as AlmanacError;
}

describe('bulkUpdate', () => {
  it('sets owner and review-by on many articles, and restores them in one call from what it returned', async () => {
    const before = await texts();
    const result = await bulkUpdate(store, ids, { owner: 'li.na', reviewBy: '2028-01-15' });
    expect(result.changed).toEqual(ids);
    for (const id of ids) {
      const a = await store.get(id);
      expect([a.meta.owner, a.meta.reviewBy]).toEqual(['li.na', '2028-01-15']);
    }
    expect(result.previous.find((p) => p.id === 'gift-cards')).toEqual({
      id: 'gift-cards',
      owner: expect.any(String),
      reviewBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const undone = await bulkRestore(store, result.previous);
    expect(undone.changed).toEqual(ids);
    expect(await texts()).toEqual(before);
  });

  it('adds and removes tags, archives, and keeps the body', async () => {
    const body = (await store.get('gift-cards')).body;
    const result = await bulkUpdate(store, ['gift-cards', 'exchanges'], {
      addTags: ['seasonal'],
      removeTags: ['refunds'],
      archived: true,
    });
    const gift = await store.get('gift-cards');
    expect(gift.tags).toContain('seasonal');
    expect(gift.tags).not.toContain('refunds');
    expect(gift.status).toBe('archived');
    expect(gift.body).toBe(body);
    expect(result.previous[0]).toMatchObject({ id: 'gift-cards', archived: false, tags: expect.any(Array) });
    await bulkRestore(store, result.previous);
    expect((await store.get('gift-cards')).meta.archived).toBeUndefined();
  });

  it('checks every article before writing any: unknown id, non-member owner, bad date', async () => {
    const before = await texts();
    const unknown = await failure(bulkUpdate(store, [...ids, 'no-such-article'], { owner: 'li.na' }));
    expect(unknown.code).toBe('VALIDATION_FAILED');
    expect(unknown.message).toContain('no-such-article: there is no such article');
    const owner = await failure(bulkUpdate(store, ids, { owner: 'someone.else' }));
    expect(owner.message).toMatch(/^refund-policy: "someone.else" is not a member of the team/);
    const date = await failure(bulkUpdate(store, ids, { reviewBy: '2027-02-30' }));
    expect(date.code).toBe('VALIDATION_FAILED');
    expect(date.message).toContain('refund-policy: "2027-02-30" is not a review-by date');
    expect(date.details?.problems).toHaveLength(ids.length);
    expect(await texts()).toEqual(before);
  });

  it('puts back the articles already changed when one was changed on disk meanwhile (CONFLICT)', async () => {
    const before = await texts();
    const save = store.save.bind(store);
    // Someone edits the third article between the check and its save.
    vi.spyOn(store, 'save').mockImplementation(async (id, input) => {
      if (id === ids[2] && input.meta.owner === 'li.na') {
        await writeFile(fileOf(id), before[2]!.replace('\n---\n', '\nsummary: edited elsewhere\n---\n'));
      }
      return save(id, input);
    });
    const err = await failure(bulkUpdate(store, ids, { owner: 'li.na' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/^Could not change gift-cards: it was changed elsewhere/);
    expect(err.details).toMatchObject({ failed: 'gift-cards', rolledBack: [ids[0], ids[1]], notRolledBack: [] });
    const after = await texts();
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).toContain('summary: edited elsewhere');
    expect(after.slice(3)).toEqual(before.slice(3));
  });
});
