import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerEntry, feedbackEntry, logText } from '../../tests/fixtures/agentLogLines.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { loadConversations } from './conversationLogs.js';
import { insightsReport } from './insightsReport.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  tmp = await tempDir('almanac-insights-');
  await mkdir(path.join(tmp.dir, 'logs'));
  // c1 resolved by the agent (CSAT 5); c2 handed off (legal, CSAT 2); c3 not resolved (CSAT 3, a newer
  // version of the refund article); c4 answered and never rated.
  await writeFile(
    path.join(tmp.dir, 'logs/conversations-2026-12-01.jsonl'),
    logText([
      answerEntry('c1', 'question of c1', {
        time: '2026-12-01T09:00:00Z',
        articleIds: ['refund-policy'],
        versions: { 'refund-policy': 'v1' },
      }),
      feedbackEntry('c1', { resolved: true, csat: 5 }),
      answerEntry('c2', 'question of c2', {
        time: '2026-12-01T09:30:00Z',
        handoff: { topic: 'legal', reason: 'lawyer' },
      }),
      feedbackEntry('c2', { csat: 2 }),
      'not json',
    ]),
  );
  await writeFile(
    path.join(tmp.dir, 'logs/conversations-2026-12-02.jsonl'),
    logText([
      answerEntry('c3', 'question of c3', {
        time: '2026-12-02T09:00:00Z',
        articleIds: ['refund-policy'],
        versions: { 'refund-policy': 'v2' },
        confidence: 0.4,
      }),
      feedbackEntry('c3', { time: '2026-12-02T10:00:00Z', resolved: false, csat: 3 }),
      answerEntry('c4', 'question of c4', {
        time: '2026-12-02T11:00:00Z',
        articleIds: ['shipping-options'],
        versions: { 'shipping-options': 'v1' },
        providerFailed: 'The answer provider at http://127.0.0.1:9/v1 cannot be reached.',
      }),
    ]),
  );
});
afterAll(() => tmp.cleanup());

describe('insights on a hand-computed log', () => {
  it('counts automated resolution, hand-offs, CSAT and ROI as worked out by hand', async () => {
    const { conversations, problems } = await loadConversations(path.join(tmp.dir, 'logs'));
    expect(conversations.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(problems).toEqual([expect.objectContaining({ field: 'line 5', message: 'not valid JSON' })]);
    const r = insightsReport(conversations, { humanTicket: 5, automatedAnswer: 0.25 });
    expect(r.automatedResolution).toBe(0.25);
    expect(r.assumedResolution).toBe(0.5);
    expect(r.handoffRate).toBe(0.25);
    expect(r.csat).toBeCloseTo(10 / 3, 9);
    expect(r.rated).toBe(3);
    // Without the agent 4 × 5 = 20; with it 4 × 0.25 + (4 − 2 resolved) × 5 = 11; savings 9 on 1 spent.
    expect(r.roi).toEqual({ withoutAgent: 20, withAgent: 11, savings: 9, returnOnAgent: 9 });
    expect(r.byDay.map((d) => [d.day, d.conversations])).toEqual([
      ['2026-12-01', 2],
      ['2026-12-02', 2],
    ]);
    expect(r.byTopic).toEqual([{ topic: 'legal', conversations: 1 }]);
    expect(r.providerFailures).toBe(1);
    const refund = r.byVersion.filter((v) => v.articleId === 'refund-policy');
    expect(refund.map((v) => [v.version, v.automatedResolution, v.csat])).toEqual([
      ['v1', 1, 5],
      ['v2', 0, 3],
    ]);
    expect(r.byArticle[0]).toMatchObject({ articleId: 'refund-policy', conversations: 2 });
  });

  it('reads a CSV export and reports each bad row with its line number', async () => {
    const file = path.join(tmp.dir, 'export.csv');
    await writeFile(
      file,
      [
        'time,question,answer,resolved,handed_off,csat,article_ids',
        '2026-12-01T09:00:00Z,How long do refunds take?,5 days,true,false,4,refund-policy;payment-methods',
        '2026-12-01T10:00:00Z,"Close my account, please",A person will help,,true,7,',
        '2026-12-01T11:00:00Z,Where is my parcel?,Tracking,yes,false,,order-tracking',
        '2026-12-01T12:00:00Z,Gift cards?,Yes,false,false,,gift-cards',
        // An answer over three lines: the rows after it keep their own line numbers.
        '2026-12-01T13:00:00Z,Opening hours?,"We open at nine.',
        '',
        'Weekends too.",true,false,5,',
        '2026-12-01T14:00:00Z,Bad row,x,maybe,false,,',
        '2026-12-01T15:00:00Z,"Broken "quote",x,true,false,,',
      ].join('\n'),
    );
    const { conversations, problems } = await loadConversations(file);
    expect(conversations.map((c) => c.question)).toEqual([
      'How long do refunds take?',
      'Gift cards?',
      'Opening hours?',
    ]);
    expect(conversations[0]!.articleIds).toEqual(['refund-policy', 'payment-methods']);
    expect(conversations[2]!.answer).toBe('We open at nine.\n\nWeekends too.');
    expect(problems.map((p) => p.field)).toEqual(['line 3', 'line 4', 'line 9', 'line 10']);
    expect(problems.slice(0, 3).map((p) => p.message)).toEqual([
      'csat must be 1 to 5 or empty, not "7"',
      'resolved must be true, false or empty, not "yes"',
      'resolved must be true, false or empty, not "maybe"',
    ]);
    expect(problems[3]!.message).toMatch(/quote/i);
    const r = insightsReport(conversations);
    expect(r.automatedResolution).toBeCloseTo(2 / 3, 5);
  });
});
