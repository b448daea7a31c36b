import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../indexing/index.js';
import { needsAttention, reviewedStore } from '../review/index.js';
import { openFeedback, readFeedback, recordFeedback } from './answerFeedback.js';
import { answerQuestion } from './answerQuestion.js';
import { KnowledgeViews } from './knowledgeViews.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let index: ChunkIndex;
let views: KnowledgeViews;
let store: ReturnType<typeof reviewedStore>['store'];

beforeAll(async () => {
  ctx = await tempWorkspace({ sample: true });
  const reviewed = reviewedStore(ctx.ws);
  store = reviewed.store;
  const file = path.join(ctx.ws.articlesDir, 'refund-policy.md');
  await writeFile(
    file,
    (await readFile(file, 'utf8')).replace(
      '## Large refunds',
      'Alipay refunds now take exactly 77 business days.\n\n## Large refunds',
    ),
  );
  await writeFile(
    path.join(ctx.ws.articlesDir, 'pet-food.md'),
    '---\nid: pet-food\ntitle: Pet food\nlocale: en\n---\n\nWe sell organic pet food for cats and dogs.\n',
  );
  const profile = path.join(ctx.ws.root, 'agent/profile.md');
  await writeFile(profile, (await readFile(profile, 'utf8')).replace('minConfidence: 0.35', 'minConfidence: 0.99'));
  index = await ChunkIndex.open(indexDir(store));
  await indexWorkspace(store, index);
  views = new KnowledgeViews({ store, book: reviewed.book, draftsIndex: async () => index });
});

afterAll(async () => {
  await views.close();
  index.close();
  await ctx.cleanup();
});

describe('the approved-only knowledge view', () => {
  it('holds the approved text of each article, never a newer draft or an unapproved article', async () => {
    const drafts = await views.drafts();
    const approved = await views.approved();
    const inDrafts = await drafts.index.lexicalSearch('exactly 77 business days', 5);
    const inApproved = await approved.index.lexicalSearch('exactly 77 business days', 5);
    expect(inDrafts.some((h) => h.row.text.includes('77 business days'))).toBe(true);
    expect(inApproved.length).toBeGreaterThan(0);
    expect(inApproved.some((h) => h.row.text.includes('77 business days'))).toBe(false);
    expect(
      (await approved.index.lexicalSearch('organic pet food', 5)).some((h) => h.row.article_id === 'pet-food'),
    ).toBe(false);
    expect((await drafts.index.lexicalSearch('organic pet food', 5)).some((h) => h.row.article_id === 'pet-food')).toBe(
      true,
    );
  });

  it('answers with the approved profile, the drafts with the working one', async () => {
    const fromDrafts = await answerQuestion(await views.drafts(), 'How long does a refund take to reach my card?');
    const fromApproved = await answerQuestion(await views.approved(), 'How long does a refund take to reach my card?');
    expect(fromDrafts.trace.minConfidence).toBe(0.99);
    expect(fromDrafts.handoff?.topic).toBe('low-confidence');
    expect(fromApproved.trace.minConfidence).toBe(0.35);
    expect(fromApproved.handoff).toBeNull();
    expect(fromApproved.trace.against).toBe('approved');
    expect(fromApproved.citations[0]?.articleId).toBe('refund-policy');
  });
});

describe('answer feedback', () => {
  it("lands on the owner's Needs attention list until the article changes", async () => {
    const articles = new Map((await store.list()).map((a) => [a.id, a]));
    const owner = articles.get('refund-policy')!.owner;
    await recordFeedback(
      ctx.ws,
      {
        question: 'When does my Alipay refund arrive?',
        answer: 'In 77 business days.',
        against: 'drafts',
        helpful: false,
        comment: 'The 77 days are wrong',
        expectedArticleId: 'refund-policy',
        citedArticleIds: ['refund-policy'],
      },
      articles,
      'li.na',
    );
    const stored = await readFeedback(ctx.ws);
    expect(stored[0]).toMatchObject({ comment: 'The 77 days are wrong', member: 'li.na', helpful: false });
    const counts = (all: typeof articles) =>
      new Map([...openFeedback(stored, all)].map(([id, list]) => [id, list.length]));
    const before = await needsAttention(store, owner, counts(articles));
    expect(before.find((i) => i.article.id === 'refund-policy')).toMatchObject({
      reasons: expect.arrayContaining(['feedback']),
      feedback: 1,
    });
    const file = path.join(ctx.ws.articlesDir, 'refund-policy.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('exactly 77 business days', '1–3 business days'));
    store.forget('refund-policy');
    const after = new Map((await store.list()).map((a) => [a.id, a]));
    const later = await needsAttention(store, owner, counts(after));
    expect(later.find((i) => i.article.id === 'refund-policy')?.reasons ?? []).not.toContain('feedback');
  });

  it('is committed to the workspace history', async () => {
    const { default: git } = await import('isomorphic-git');
    const fs = await import('node:fs');
    const log = await git.log({ fs, dir: ctx.ws.root, depth: 1 });
    expect(log[0]!.commit.message).toContain('Feedback on an answer (not helpful)');
  });
});
