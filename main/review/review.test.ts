import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamWithKeys, type TeamWithKeys } from '../../tests/fixtures/teamWithKeys.js';
import { AlmanacError } from '../AlmanacError.js';
import { verifyAudit, auditFile } from '../audit/index.js';
import { generateKeyPair, keyFingerprint, signerFor, type KeyVault, type Signer } from '../identity/index.js';
import { rotateKey } from '../team/index.js';
import { commitArticles } from '../versions/index.js';
import {
  ReviewBook,
  approve,
  comment,
  needsAttention,
  requestChanges,
  reverify,
  reviewFile,
  profileReview,
  reviewQueue,
  signRecord,
  submitForReview,
  withdraw,
  type ReviewContext,
  type ReviewRecord,
} from './index.js';

let ctx: TeamWithKeys<'ann' | 'bob'>;
let bobVault: KeyVault;
let ann: Signer;
let bob: Signer;
let book: ReviewBook;

const as = (signer: Signer): ReviewContext => ({ store: ctx.store, book, signer });
const status = async (id: string) => (await ctx.store.get(id)).status;
const edit = async (id: string, body: string) => {
  const a = await ctx.store.get(id);
  await ctx.store.save(id, { meta: a.meta, body });
};
const forbidden = (p: Promise<unknown>) =>
  expect(p).rejects.toSatisfy((e) => e instanceof AlmanacError && e.code === 'FORBIDDEN');

beforeEach(async () => {
  ctx = await teamWithKeys({
    members: [
      { id: 'ann', name: 'Ann Author' },
      { id: 'bob', name: 'Bob Reviewer', roles: ['author', 'reviewer'] },
    ],
  });
  ({ ann, bob } = ctx.signers);
  bobVault = ctx.vaults.bob;
  book = new ReviewBook(ctx.ws);
  ctx.store.useReviews(book);
});
afterEach(() => ctx.cleanup());

async function article(owner = 'ann'): Promise<string> {
  const { id } = await ctx.store.create({ title: 'Refund policy', owner, body: 'Refunds take 14 days.\n' });
  await commitArticles(ctx.ws, [id], 'First version', ann);
  return id;
}

describe('the review status machine', () => {
  it('moves through every state, derived from the records', async () => {
    const id = await article();
    expect(await status(id)).toBe('draft');

    await submitForReview(as(ann), id);
    expect(await status(id)).toBe('in-review');
    expect((await reviewQueue(ctx.store)).map((q) => q.article.id)).toEqual([id]);
    // The queue names who wrote the waiting version (signed saves): the studio offers them no approval.
    expect((await reviewQueue(ctx.store, book))[0]).toMatchObject({ submittedBy: 'ann', authors: ['ann'] });

    // A submission is its submitter's to take back (or a manager's), not another reviewer's.
    await forbidden(withdraw(as(bob), id));
    await withdraw(as(ann), id);
    expect(await status(id)).toBe('draft');

    await submitForReview(as(ann), id);
    await requestChanges(as(bob), id, 'Say business days.');
    expect(await status(id)).toBe('changes-requested');
    expect((await needsAttention(ctx.store, 'ann')).map((a) => a.reasons)).toEqual([['changes-requested']]);
    // The reviewer who asked for changes has nothing to answer: the next move is the author's.
    expect(await needsAttention(ctx.store, 'bob')).toEqual([]);

    await edit(id, 'Refunds take 14 business days.\n');
    expect(await status(id)).toBe('changes-requested');
    await submitForReview(as(ann), id, 'Business days now');
    expect(await status(id)).toBe('in-review');

    await approve(as(bob), id);
    const approved = await ctx.store.get(id);
    expect(approved.status).toBe('approved');
    expect(approved.review?.approved?.version).toBe(approved.version);
    expect(await reviewQueue(ctx.store)).toEqual([]);

    // An edit after approval is a draft again; the approved version is still known.
    await edit(id, 'Refunds take 10 business days.\n');
    const edited = await ctx.store.get(id);
    expect(edited.status).toBe('draft');
    expect(edited.review).toMatchObject({ newerDraft: true, approved: { version: approved.version } });
    await expect(approve(as(bob), id, { version: edited.version })).rejects.toThrow(/no saved version/);

    // Back to the approved text: approved again, no new approval needed.
    await edit(id, 'Refunds take 14 business days.\n');
    expect(await status(id)).toBe('approved');

    // Past its review-by date: stale, until the owner re-verifies it.
    const a = await ctx.store.get(id);
    await ctx.store.save(id, { meta: { ...a.meta, reviewBy: '2020-01-01' }, body: a.body });
    await submitForReview(as(ann), id);
    await approve(as(bob), id);
    expect(await status(id)).toBe('stale');
    expect((await needsAttention(ctx.store, 'ann')).map((x) => x.reasons)).toEqual([['stale']]);
    const [result] = await reverify(as(ann), [id]);
    expect(result).toMatchObject({ id, ok: true });
    expect(await status(id)).toBe('approved');

    await ctx.store.setArchived(id, true);
    expect(await status(id)).toBe('archived');
  });

  it('re-verifies stale articles in bulk and refuses the ones that changed', async () => {
    const ids: string[] = [];
    for (const title of ['Shipping', 'Returns', 'Warranty']) {
      const { id } = await ctx.store.create({ title, owner: 'ann', reviewBy: '2021-06-30', body: `${title} text.\n` });
      await submitForReview(as(ann), id);
      await approve(as(bob), id);
      ids.push(id);
    }
    expect(await Promise.all(ids.map(status))).toEqual(['stale', 'stale', 'stale']);
    await edit(ids[2]!, 'Warranty text, changed.\n');
    const results = await reverify(as(ann), ids, { until: '2099-01-01' });
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]!.reason).toMatch(/changed since it was approved/);
    // The edited one is still past its date: its approved text is what customers see.
    expect(await Promise.all(ids.map(status))).toEqual(['approved', 'approved', 'stale']);
    expect((await ctx.store.get(ids[0]!)).review?.reviewBy).toBe('2099-01-01');
  });
});

describe('the agent profile', () => {
  it('is versioned, reviewed and approved like an article', async () => {
    const file = path.join(ctx.ws.root, 'agent', 'profile.md');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '---\nname: Oakley\nminConfidence: 0.4\n---\nAnswer only from approved articles.\n');
    const profile = () => profileReview(ctx.store, book);
    expect(await profile()).toMatchObject({ status: 'draft', versionState: 'unversioned' });

    await submitForReview(as(ann), '@profile', 'First profile');
    expect((await profile()).status).toBe('in-review');
    expect((await reviewQueue(ctx.store, book)).map((q) => q.article.id)).toEqual(['@profile']);
    await forbidden(approve(as(ann), '@profile'));
    await approve(as(bob), '@profile');
    expect(await profile()).toMatchObject({ status: 'approved', versionState: 'versioned' });

    await writeFile(file, '---\nname: Oakley\nminConfidence: 0.5\n---\nAnswer only from approved articles.\n');
    expect(await profile()).toMatchObject({ status: 'draft', review: { newerDraft: true } });
    expect((await book.article('@profile')).records.every((r) => r.valid)).toBe(true);
  });
});

describe('rules the core enforces', () => {
  it('refuses self-approval, and ignores a self-approval written into the file by hand', async () => {
    const id = await article();
    await submitForReview(as(ann), id);
    await forbidden(approve(as(ann), id));

    // Bob edits Ann's draft: now he co-wrote the next version and cannot approve it either.
    await edit(id, 'Refunds take 14 days. Bob was here.\n');
    await commitArticles(ctx.ws, [id], 'Bob edits', bob);
    await submitForReview(as(ann), id);
    await forbidden(approve(as(bob), id));

    // A record signed with Bob's own key, appended by hand without its audit entry, counts for nothing.
    const version = (await ctx.store.get(id)).version;
    const forged = signRecord(
      { type: 'approve', article: id, version, author: 'bob', time: new Date().toISOString() },
      bob,
    );
    await writeFile(path.join(ctx.ws.root, reviewFile(id)), `${JSON.stringify(forged)}\n`, { flag: 'a' });
    book.invalidate();
    expect(await status(id)).toBe('in-review');
    const last = (await book.article(id)).records.at(-1)!;
    expect(last).toMatchObject({ valid: false, invalid: expect.stringMatching(/not in the signed audit log/) });
  });

  it('ignores an altered record line and one signed by a key outside the roster: the chain states the facts', async () => {
    const id = await article();
    await submitForReview(as(ann), id);
    await approve(as(bob), id);
    expect(await status(id)).toBe('approved');

    const file = path.join(ctx.ws.root, reviewFile(id));
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    // Altered: the approval's note changed after signing. The signed audit entry still states the
    // approval; the altered line is shown as counting for nothing, and its note is not trusted.
    const approval = JSON.parse(lines[1]!) as Record<string, unknown>;
    await writeFile(file, `${lines[0]}\n${JSON.stringify({ ...approval, note: 'LGTM' })}\n`);
    book.invalidate();
    const altered = await book.article(id);
    expect(altered.facts.approved).toMatchObject({ author: 'bob' });
    expect(altered.records.find((r) => r.record?.note === 'LGTM')).toMatchObject({ valid: false });
    expect(altered.records.filter((r) => r.valid).every((r) => r.record?.note !== 'LGTM')).toBe(true);

    // Forged: a stranger's key claiming to be Bob, approving a version Bob never approved.
    await edit(id, 'Refunds take 30 days.\n');
    await submitForReview(as(ann), id);
    const stranger = generateKeyPair();
    const { sig: _sig, ...approvalBody } = approval as unknown as ReviewRecord;
    const forged = signRecord(
      { ...approvalBody, version: (await ctx.store.get(id)).version, time: new Date().toISOString() },
      { member: bob.member, privateKeyPem: stranger.privateKeyPem },
    );
    await writeFile(file, `${JSON.stringify(forged)}\n`, { flag: 'a' });
    book.invalidate();
    expect(await status(id)).toBe('in-review');
    expect((await book.article(id)).records.at(-1)).toMatchObject({ valid: false });
  });

  it('keeps signatures made before a key rotation valid', async () => {
    const id = await article();
    await submitForReview(as(ann), id);
    await approve(as(bob), id);
    await rotateKey(ctx.ws, bobVault, bob, 'bob');
    bob = await signerFor(ctx.ws, bobVault, 'bob');
    book.invalidate();
    expect(await status(id)).toBe('approved');
    await comment(as(bob), id, 'Signed with my new key.');
    expect((await book.article(id)).records.every((r) => r.valid)).toBe(true);
    expect((await verifyAudit(ctx.ws)).ok).toBe(true);
  });

  it('says a damaged private key is damaged, and signs nothing with it', async () => {
    await bobVault.write(keyFingerprint(bob.member.publicKey!), 'not a key at all');
    await expect(signerFor(ctx.ws, bobVault, 'bob')).rejects.toSatisfy(
      (e) => e instanceof AlmanacError && e.code === 'SIGN_IN_REQUIRED' && /damaged .*rotate-key/s.test(e.message),
    );
  });
});

describe('the audit log', () => {
  it('chains every change and finds the entry where one byte was edited', async () => {
    const id = await article();
    await submitForReview(as(ann), id);
    await requestChanges(as(bob), id, 'Too vague.');
    await edit(id, 'Refunds take 14 business days.\n');
    await submitForReview(as(ann), id);
    await approve(as(bob), id);
    const good = await verifyAudit(ctx.ws);
    expect(good).toMatchObject({ ok: true, unsigned: 0 });
    const file = path.join(ctx.ws.root, auditFile);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { action: string }).action)).toEqual([
      'team.join',
      'team.add',
      'version.save',
      'review.submit',
      'review.request-changes',
      'version.save',
      'review.submit',
      'review.approve',
    ]);
    const target = 4;
    lines[target] = lines[target]!.replace('Too vague.', 'Too vague!');
    await writeFile(file, `${lines.join('\n')}\n`);
    expect(await verifyAudit(ctx.ws)).toMatchObject({ ok: false, firstBroken: { line: target + 1 } });

    // Removing an entry breaks the link of the one after it.
    lines.splice(target, 1);
    await writeFile(file, `${lines.join('\n')}\n`);
    expect(await verifyAudit(ctx.ws)).toMatchObject({ ok: false, firstBroken: { line: target + 1, reason: /link/ } });
  });
});
