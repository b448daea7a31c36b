import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { verifyAudit } from '../audit/index.js';
import { ReviewBook } from './index.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let book: ReviewBook;
beforeAll(async () => {
  ctx = await tempWorkspace({ sample: true });
  book = new ReviewBook(ctx.ws);
  ctx.store.useReviews(book);
});
afterAll(() => ctx.cleanup());

describe('the sample workspace', () => {
  it('shows every review state at once, from records that all verify', async () => {
    const articles = await ctx.store.list();
    const states = new Set(articles.map((a) => a.status));
    for (const s of ['draft', 'in-review', 'changes-requested', 'approved', 'stale']) expect(states).toContain(s);
    for (const a of articles) expect((await book.article(a.id)).facts.invalidRecords, a.id).toBe(0);
  });

  it('ships an audit log that tells the same story, chained and signed', async () => {
    const result = await verifyAudit(ctx.ws);
    expect(result).toMatchObject({ ok: true, unsigned: 0 });
    expect(result.entries).toBeGreaterThan(40);
  });
});
