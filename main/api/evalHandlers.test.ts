import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { openSession, type Session } from './openSession.js';
import { dispatch } from './handlers.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let session: Session;

beforeAll(async () => {
  ctx = await tempWorkspace({ sample: true });
  session = await openSession(ctx.ws.root, { transport: 'http', vault: ctx.vault });
  await session.indexer.refresh();
});
afterAll(async () => {
  await session.close();
  await ctx.cleanup();
});

describe('golden set routes', () => {
  it('add a question from the preview, run the set, read the run back and compare two runs', async () => {
    const add = await dispatch(session.handlers, 'evals.add', {
      name: 'from-preview',
      question: { question: 'How long does a refund take to reach my card?', expected: ['refund-policy'] },
    });
    expect(add).toMatchObject({
      ok: true,
      data: { questions: [{ id: 'q1', expected: ['refund-policy'], handoff: false }] },
    });
    const bad = await dispatch(session.handlers, 'evals.add', { name: '../escape', question: { question: 'x' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    const first = await dispatch(session.handlers, 'evals.run', { name: 'from-preview' });
    expect(first.ok).toBe(true);
    const run = (first as { data: { id: string; metrics: { hitAtK: number }; outcomes: { cited: string[] }[] } }).data;
    expect(run.metrics.hitAtK).toBe(1);
    expect(run.outcomes[0]!.cited).toContain('refund-policy');
    const second = (await dispatch(session.handlers, 'evals.run', { name: 'from-preview' })) as {
      data: { id: string };
    };
    const sets = await dispatch(session.handlers, 'evals.sets', {});
    expect(sets).toMatchObject({
      ok: true,
      data: expect.arrayContaining([expect.objectContaining({ name: 'from-preview', questions: 1 })]),
    });
    const compared = await dispatch(session.handlers, 'evals.compare', {
      name: 'from-preview',
      before: run.id,
      after: second.data.id,
    });
    expect(compared).toMatchObject({
      ok: true,
      data: { counts: { same: 1, better: 0, worse: 0 }, articleChanges: [] },
    });
  });

  it('turns unhelpful feedback naming the right article into a golden question, once', async () => {
    await dispatch(session.handlers, 'answer.feedback', {
      question: 'When does my Alipay refund arrive?',
      answer: 'Soon.',
      against: 'drafts',
      helpful: false,
      expectedArticleId: 'refund-policy',
      citedArticleIds: [],
    });
    const first = await dispatch(session.handlers, 'evals.fromFeedback', { name: 'feedback' });
    expect(first).toMatchObject({
      ok: true,
      data: {
        added: 1,
        set: { questions: [{ question: 'When does my Alipay refund arrive?', expected: ['refund-policy'] }] },
      },
    });
    expect(await dispatch(session.handlers, 'evals.fromFeedback', { name: 'feedback' })).toMatchObject({
      data: { added: 0 },
    });
  });
});
