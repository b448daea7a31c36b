import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapEntry, logText } from '../../tests/fixtures/agentLogLines.js';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { dispatch } from './handlers.js';
import { openSession, type Session } from './openSession.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let session: Session;

beforeAll(async () => {
  ctx = await tempWorkspace({ sample: true });
  session = await openSession(ctx.ws.root, { transport: 'http', vault: ctx.vault });
});
afterAll(async () => {
  await session.close();
  await ctx.cleanup();
});

describe('insights routes', () => {
  it('report a log sent by the studio with its content gaps, and draft an article from a gap', async () => {
    const text = logText([
      gapEntry('c1', 'Do you sell pet beds?'),
      gapEntry('c2', 'do you sell pet beds'),
      gapEntry('c3', 'Is there a pet bed for large dogs?'),
      gapEntry('c4', 'Can I pay with bitcoin?'),
      gapEntry('c5', 'please close my account', { handoff: { topic: 'account-closure', reason: 'sensitive' } }),
    ]);
    const res = await dispatch(session.handlers, 'insights.report', {
      log: { name: 'log.jsonl', format: 'jsonl', text },
    });
    expect(res.ok).toBe(true);
    const view = (
      res as {
        data: {
          report: { conversations: number; handoffRate: number };
          gaps: { label: string; volume: number; examples: string[]; id: string }[];
        };
      }
    ).data;
    expect(view.report.conversations).toBe(5);
    expect(view.report.handoffRate).toBe(1);
    // Sensitive hand-offs are meant for people: they are not gaps.
    expect(view.gaps.flatMap((g) => g.examples).join(' ')).not.toMatch(/close my account/);
    expect(view.gaps[0]).toMatchObject({ volume: 3 });
    expect(view.gaps[0]!.label.toLowerCase()).toContain('pet');

    const created = await dispatch(session.handlers, 'insights.createArticle', { cluster: view.gaps[0] });
    expect(created).toMatchObject({ ok: true, data: { status: 'draft', tags: ['content-gap'] } });
    const article = (created as { data: { id: string; body: string } }).data;
    expect(article.body).toContain('Do you sell pet beds?');

    const neither = await dispatch(session.handlers, 'insights.report', {});
    expect(neither).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('report the health of the knowledge base', async () => {
    await session.indexer.refresh();
    const res = await dispatch(session.handlers, 'health.report', {});
    expect(res).toMatchObject({ ok: true, data: { conflicts: [], duplicates: [] } });
    expect((res as { data: { passages: number } }).data.passages).toBeGreaterThan(100);
  });
});
