import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerEntry } from '../../tests/fixtures/agentLogLines.js';
import { teamWithKeys, type TeamWithKeys } from '../../tests/fixtures/teamWithKeys.js';
import { ConversationLog, LiveAgent, SnapshotStore, startAgentServer, type RunningAgent } from '../agent/index.js';
import { reviewedStore } from '../review/index.js';
import { setCurrentMemberId } from '../identity/index.js';
import type { ConversationView, ReanswerView, ReplayView } from './contract.js';
import { dispatch } from './handlers.js';
import { openSession, type Session } from './openSession.js';

let ctx: TeamWithKeys;
let session: Session;
let live: LiveAgent;
let server: RunningAgent;
let log: ConversationLog;
let first: string;

const card = 'My card 4111 1111 1111 1111 keeps getting declined, which payment methods do you accept?';
const phone = '退款多久能到账？我的手机号 13812345678';
const email = 'please close my account, my email is tom.ward@example.com';

async function ok<T>(route: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const res = await dispatch(session.handlers, route, input);
  if (!res.ok) throw new Error(`${route}: ${res.error.message}`);
  return res.data as T;
}

beforeAll(async () => {
  ctx = await teamWithKeys({ sample: true });
  await setCurrentMemberId(ctx.ws, 'sara.koh');
  const manager = ctx.signers['sara.koh']!;
  log = new ConversationLog(path.join(ctx.dir, 'agent', 'logs'));
  live = new LiveAgent(await SnapshotStore.open(path.join(ctx.dir, 'agent'), [manager.member.publicKey!]));
  server = await startAgentServer({ agent: live, log, token: 't1' });
  session = await openSession(ctx.ws.root, {
    transport: 'http',
    vault: ctx.vault,
    configDir: path.join(ctx.dir, 'settings'),
  });
  await ok('publish.setTarget', { url: server.url, token: 't1' });
});

afterAll(async () => {
  await session.close();
  await server.close();
  live.close();
  await ctx.cleanup();
});

describe('replaying customers’ questions in the studio', () => {
  it('has nothing to compare while the agent serves no snapshot', async () => {
    const view = await ok<ReplayView>('publish.replay', { url: server.url });
    expect(view).toMatchObject({ live: null, report: null });
    expect(view.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reports the questions of the last days whose answer changes, with the article version behind it, masked', async () => {
    first = (await ok<{ snapshot: string }>('publish.run', { url: server.url })).snapshot;
    const now = new Date().toISOString();
    for (const [i, question] of [card, phone, email].entries())
      await log.append(answerEntry(`c${i}`, question, { time: now, snapshot: first }));
    // Asked long before the period: not replayed.
    await log.append(answerEntry('c2', 'an old question', { time: '2020-01-01T00:00:00Z', snapshot: first }));
    const versionBefore = (await reviewedStore(ctx.ws).store.get('payment-methods')).version;
    await reviewedStore(ctx.ws).store.setArchived('payment-methods', true);

    const view = await ok<ReplayView>('publish.replay', { url: server.url, days: 7 });
    expect(view.live).toBe(first);
    expect(view.report!.questions).toBe(3);
    const change = view.report!.changes.find((c) => c.question.includes('keeps getting declined'))!;
    expect(change.kind).toBe('different-article');
    expect(change.before.articleIds[0]).toBe('payment-methods');
    expect(change.causes).toContainEqual({ articleId: 'payment-methods', before: versionBefore });
    // The questions that did not change are counted, not listed.
    expect(view.report!.changes.map((c) => c.question)).not.toContain(phone);
    const shown = JSON.stringify(view);
    for (const data of ['4111', '13812345678', 'tom.ward@example.com']) expect(shown).not.toContain(data);
    expect(shown).toContain('[card]');
  });

  it("lists the agent's conversations masked, and re-answers one with the snapshot that answered it and with today's knowledge", async () => {
    const insights = await ok<{ conversations: ConversationView[] }>('insights.report', { target: server.url });
    const logged = insights.conversations.find((c) => c.questions[0]!.includes('keeps getting declined'))!;
    expect(logged.snapshot).toBe(first);
    expect(JSON.stringify(insights.conversations)).not.toMatch(/4111|13812345678|tom\.ward@example\.com/);

    const then = await ok<ReanswerView>('insights.reanswer', {
      questions: logged.questions,
      against: logged.snapshot,
      target: server.url,
    });
    expect(then.against).toBe(`snapshot ${first}`);
    expect(then.answers[0]!.citations[0]?.articleId).toBe('payment-methods');
    const now = await ok<ReanswerView>('insights.reanswer', { questions: logged.questions, against: 'approved' });
    expect(now.answers[0]!.citations.map((c) => c.articleId)).not.toContain('payment-methods');
    expect(now.answers[0]!.question).toContain('[card]');

    const unknown = await dispatch(session.handlers, 'insights.reanswer', {
      questions: ['hello'],
      against: 'abcdef0123456789',
    });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });
});
