import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { KnowledgeViews, type Knowledge } from '../answer/index.js';
import { ChunkIndex, indexWorkspace } from '../indexing/index.js';
import type { Conversation } from '../insights/index.js';
import { ReviewBook } from '../review/index.js';
import { loggedQuestions, replayQuestions, type ReplayReport } from './replayQuestions.js';

function conversation(id: string, time: string, questions: string[]): Conversation {
  return {
    id,
    time,
    question: questions[0]!,
    questions,
    answer: '',
    resolved: null,
    handedOff: false,
    topic: null,
    csat: null,
    articleIds: [],
    versions: {},
    confidence: null,
    providerFailures: 0,
  };
}

const log = [
  conversation('c1', '2026-12-01T09:00:00Z', ['How long does a refund take to reach my card?']),
  conversation('c2', '2026-12-02T10:00:00Z', ['how long does a refund take to reach my card?']),
  conversation('c3', '2026-12-02T11:00:00Z', ['please close my account', '退款多久能到账？']),
  conversation('c4', '2026-12-03T12:00:00Z', [
    'My card 4111 1111 1111 1111 was refunded for order #884213, how long until I see it? mail li.na@example.com',
  ]),
  conversation('c5', '2026-11-20T08:00:00Z', ['an old question before the period']),
];

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let liveIndex: ChunkIndex;
let plannedIndex: ChunkIndex;
let report: ReplayReport;

beforeAll(async () => {
  ctx = await tempWorkspace({ sample: true });
  liveIndex = await ChunkIndex.open(path.join(ctx.dir, 'live-index'));
  await indexWorkspace(ctx.store, liveIndex);
  // The planned knowledge: card refunds now take 10–15 business days, and account closure is no longer a hand-off topic.
  const refund = path.join(ctx.ws.articlesDir, 'refund-policy.md');
  await writeFile(
    refund,
    (await readFile(refund, 'utf8')).replace('| 5–10 business days |', '| 10–15 business days |'),
  );
  plannedIndex = await ChunkIndex.open(path.join(ctx.dir, 'planned-index'));
  await indexWorkspace(ctx.store, plannedIndex);
  const views = new KnowledgeViews({
    store: ctx.store,
    book: new ReviewBook(ctx.ws),
    draftsIndex: async () => liveIndex,
  });
  const drafts = await views.drafts();
  const live: Knowledge = { ...drafts, index: liveIndex };
  const planned: Knowledge = {
    ...drafts,
    index: plannedIndex,
    profile: {
      ...drafts.profile,
      meta: {
        ...drafts.profile.meta,
        handoff: drafts.profile.meta.handoff.filter((t) => t.topic !== 'account-closure'),
      },
    },
  };
  const questions = loggedQuestions(log, { since: '2026-12-01', until: '2026-12-07' });
  report = await replayQuestions(questions, live, planned);
  await views.close();
}, 120_000);

afterAll(async () => {
  liveIndex.close();
  plannedIndex.close();
  await ctx.cleanup();
});

describe('replaying logged questions against the live and the planned knowledge', () => {
  it('reads the period only, once per question however it was typed, most asked first', () => {
    const questions = loggedQuestions(log, { since: '2026-12-01' });
    expect(questions.map((q) => [q.text, q.count])).toEqual([
      ['How long does a refund take to reach my card?', 2],
      [expect.stringContaining('My card [card] was refunded for order #[order]'), 1],
      ['please close my account', 1],
      ['退款多久能到账？', 1],
    ]);
    expect(report.questions).toBe(4);
  });

  it('puts a sensitive hand-off the planned knowledge drops first, and holds it back', () => {
    expect(report.changes[0]).toMatchObject({
      question: 'please close my account',
      kind: 'no-longer-handed-off',
      sensitive: true,
      before: { handoff: { topic: 'account-closure', kind: 'sensitive' } },
      after: { handoff: null },
    });
    expect(report.heldBack).toEqual(['please close my account']);
  });

  it('reports exactly the questions whose answer changed, with the article version that changed it', () => {
    const refund = report.changes.filter((c) => c.kind === 'different-answer');
    expect(refund.map((c) => c.question)).toEqual([
      'How long does a refund take to reach my card?',
      expect.stringContaining('My card [card]'),
    ]);
    for (const change of refund) {
      expect(change.before.answer).toContain('5–10 business days');
      expect(change.after.answer).toContain('10–15 business days');
      expect(change.causes).toEqual([
        { articleId: 'refund-policy', before: expect.any(String), after: expect.any(String) },
      ]);
      expect(change.causes[0]!.before).not.toBe(change.causes[0]!.after);
    }
    expect(report.counts).toMatchObject({ unchanged: 1, 'different-answer': 2, 'no-longer-handed-off': 1 });
  });

  it('never shows the personal data of a logged question', () => {
    const shown = JSON.stringify(report);
    expect(shown).not.toMatch(/4111|884213|li\.na@example\.com/);
  });
});
