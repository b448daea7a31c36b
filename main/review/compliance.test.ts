import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamWithKeys, type TeamWithKeys } from '../../tests/fixtures/teamWithKeys.js';
import { AlmanacError } from '../AlmanacError.js';
import type { Signer } from '../identity/index.js';
import { commitArticles } from '../versions/index.js';
import { ReviewBook, approve, approvedArticles, submitForReview, type ReviewContext } from './index.js';

let ctx: TeamWithKeys<'ann' | 'bob' | 'cleo'>;
let ann: Signer;
let bob: Signer;
let cleo: Signer;
let book: ReviewBook;

const as = (signer: Signer): ReviewContext => ({ store: ctx.store, book, signer });
const refusal = (code: string) => (e: unknown) => e instanceof AlmanacError && e.code === code;

beforeEach(async () => {
  ctx = await teamWithKeys({
    members: [
      { id: 'ann', name: 'Ann Author' },
      { id: 'bob', name: 'Bob Reviewer', roles: ['author', 'reviewer'] },
      { id: 'cleo', name: 'Cleo Compliance', roles: ['compliance'] },
    ],
  });
  ({ ann, bob, cleo } = ctx.signers);
  book = new ReviewBook(ctx.ws);
  ctx.store.useReviews(book);
});
afterEach(() => ctx.cleanup());

async function submitted(regulated: boolean): Promise<string> {
  const { id, meta } = await ctx.store.create({
    title: 'Closing your account',
    owner: 'ann',
    body: 'Close it in Account > Privacy.\n',
  });
  await ctx.store.save(id, { meta: { ...meta, regulated }, body: 'Close it in Account > Privacy.\n' });
  await commitArticles(ctx.ws, [id], 'First version', ann);
  await submitForReview(as(ann), id);
  return id;
}

const published = async () => (await approvedArticles(ctx.store).list()).map((a) => a.id);

describe('regulated articles', () => {
  it("need a compliance member's approval as well as a reviewer's before they reach the agent", async () => {
    const id = await submitted(true);
    await approve(as(bob), id);
    const half = await ctx.store.get(id);
    expect(half.status).toBe('in-review');
    expect(half.review).toMatchObject({ awaiting: { missing: 'compliance' } });
    expect(half.review?.approved).toBeUndefined();
    expect(await published()).not.toContain(id);
    await expect(approve(as(bob), id)).rejects.toSatisfy(refusal('CONFLICT'));

    await approve(as(cleo), id);
    const whole = await ctx.store.get(id);
    expect(whole.status).toBe('approved');
    expect(whole.review).toMatchObject({ compliance: { author: 'cleo' } });
    expect(await published()).toContain(id);
  });

  it('a compliance member alone cannot approve an article that is not regulated', async () => {
    const id = await submitted(false);
    await expect(approve(as(cleo), id)).rejects.toSatisfy(refusal('FORBIDDEN'));
    await approve(as(bob), id);
    expect((await ctx.store.get(id)).status).toBe('approved');
  });

  it('marking an approved article regulated: the new version needs compliance, the approved one stays live', async () => {
    const id = await submitted(false);
    await approve(as(bob), id);
    const approvedVersion = (await ctx.store.get(id)).version;
    const a = await ctx.store.get(id);
    await ctx.store.save(id, { meta: { ...a.meta, regulated: true }, body: a.body });
    await submitForReview(as(ann), id);
    await approve(as(bob), id);
    expect((await ctx.store.get(id)).review).toMatchObject({
      awaiting: { missing: 'compliance' },
      approved: { version: approvedVersion },
    });
    await approve(as(cleo), id);
    expect((await ctx.store.get(id)).status).toBe('approved');
  });

  it('reads regulated from the version judged: an uncommitted removal of the flag changes nothing', async () => {
    // The attack: delete `regulated: true` from the working file (never saved), then approve.
    const id = await submitted(true);
    const a = await ctx.store.get(id);
    await ctx.store.save(id, { meta: { ...a.meta, regulated: false }, body: a.body });
    book.invalidate(id);
    await expect(approve(as(bob), id, { version: (await submittedVersion(id))! })).resolves.toBeDefined();
    expect((await book.article(id)).facts).toMatchObject({ awaiting: { missing: 'compliance' } });
    expect((await book.article(id)).facts.approved).toBeUndefined();
    expect(await published()).not.toContain(id);
  });

  it('a version that drops the flag still needs compliance: removing it is a compliance decision', async () => {
    const id = await submitted(true);
    await approve(as(bob), id);
    await approve(as(cleo), id);
    const a = await ctx.store.get(id);
    await ctx.store.save(id, { meta: { ...a.meta, regulated: false }, body: 'Close it in Account > Privacy. Now.\n' });
    await submitForReview(as(ann), id);
    await approve(as(bob), id);
    expect((await ctx.store.get(id)).review).toMatchObject({ awaiting: { missing: 'compliance' } });
    expect((await approvedArticles(ctx.store).list()).find((x) => x.id === id)?.version).toBe(a.version);
  });
});

async function submittedVersion(id: string): Promise<string | undefined> {
  const { facts } = await book.article(id);
  return facts.last?.type === 'submit' ? facts.last.version : undefined;
}
