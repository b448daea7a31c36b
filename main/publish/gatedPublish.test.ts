import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishingWorkspace } from '../../tests/fixtures/publishingWorkspace.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import { ConversationLog, LiveAgent, SnapshotStore, startAgentServer, type RunningAgent } from '../agent/index.js';
import { listRuns, type GateReport } from '../evaluation/index.js';
import type { ReplayReport } from '../replay/index.js';
import { approve, submitForReview } from '../review/index.js';
import { signerFor } from '../identity/index.js';
import { gatedPublish, snapshotsDir, type PublishTarget } from './index.js';

let ctx: Awaited<ReturnType<typeof publishingWorkspace>>;
let data: Awaited<ReturnType<typeof tempDir>>;
let server: RunningAgent;
let live: LiveAgent;
let target: PublishTarget;
const noFolder = () => Promise.reject(new Error('not a folder'));

beforeAll(async () => {
  ctx = await publishingWorkspace();
  data = await tempDir('almanac-gate-');
  live = new LiveAgent(await SnapshotStore.open(data.dir, [ctx.manager.member.publicKey!]));
  server = await startAgentServer({ agent: live, log: new ConversationLog(path.join(data.dir, 'logs')) });
  target = { kind: 'url', url: server.url, token: server.token };
});

afterAll(async () => {
  await server.close();
  live.close();
  await ctx.cleanup();
  await data.cleanup();
});

describe('gatedPublish', () => {
  it('publishes when nothing is live, holds back a publish that makes a golden set worse, and audits an override', async () => {
    const options = { ...ctx.reviewed, signer: ctx.manager, target, installInFolder: noFolder };
    const first = await gatedPublish(options);
    expect(first.gate.passed).toBe(true);
    expect(first.gate.sets.map((s) => s.set)).toEqual(['golden']);
    expect(live.activeId).toBe(first.snapshot);
    // The gate's run of the new snapshot is the set's latest run: the Quality view no longer says "not run yet".
    expect((await listRuns(ctx.reviewed.store.ws, 'golden'))[0]?.against).toBe(`snapshot ${first.snapshot}`);

    // The local copy of the live snapshot got damaged: the gate fetches it again from the agent.
    await writeFile(path.join(snapshotsDir(ctx.reviewed.store), first.snapshot, 'manifest.json'), '{"damaged');

    // The sample golden set expects this article for "My card keeps getting declined…".
    await ctx.reviewed.store.setArchived('payment-methods', true);
    const held = await gatedPublish(options).catch((e: unknown) => e);
    expect(held).toBeInstanceOf(AlmanacError);
    expect((held as AlmanacError).code).toBe('CONFLICT');
    const gate = (held as AlmanacError).details!.gate as GateReport;
    expect(gate.passed).toBe(false);
    expect(gate.sets[0]!.drops.map((d) => d.metric)).toContain('hitAtK');
    expect(live.activeId).toBe(first.snapshot);

    const forced = await gatedPublish({ ...options, override: 'Payment methods moves to a new article next week' });
    expect(live.activeId).toBe(forced.snapshot);
    const audit = (await readFile(path.join(ctx.reviewed.store.ws.root, 'audit/log.jsonl'), 'utf8')).trim().split('\n');
    const last = JSON.parse(audit.at(-1)!) as { action: string; actor: string; details: { override?: string } };
    expect(last).toMatchObject({ action: 'snapshot.publish', actor: 'sara.koh' });
    expect(last.details.override).toBe('Payment methods moves to a new article next week');
  }, 120_000);

  it('replays logged questions: a publish that stops handing off a sensitive one is held back, and the override names it', async () => {
    const options = { ...ctx.reviewed, signer: ctx.manager, target, installInFolder: noFolder };
    const before = live.activeId;
    // The profile loses its account-closure topic, approved the way the team approves any change.
    const file = path.join(ctx.reviewed.store.ws.root, 'agent/profile.md');
    const text = await readFile(file, 'utf8');
    const start = text.indexOf('  - topic: account-closure');
    const end = text.indexOf('  - topic:', start + 1);
    expect(start).toBeGreaterThan(0);
    await writeFile(file, text.slice(0, start) + text.slice(end));
    const review = (member: string) => signerFor(ctx.reviewed.store.ws, ctx.vault, member);
    await submitForReview(
      { ...ctx.reviewed, signer: await review('tom.ward') },
      '@profile',
      'Closing goes self-service',
    );
    await approve({ ...ctx.reviewed, signer: await review('li.na') }, '@profile');

    const questions = [
      { text: 'please close my account', count: 3, lastAsked: '2026-12-05T10:00:00Z' },
      { text: 'How long does a refund take to reach my card?', count: 9, lastAsked: '2026-12-05T11:00:00Z' },
    ];
    const held = await gatedPublish({ ...options, questions }).catch((e: unknown) => e);
    expect(held).toBeInstanceOf(AlmanacError);
    expect((held as AlmanacError).code).toBe('CONFLICT');
    expect((held as AlmanacError).message).toContain('"please close my account"');
    const replay = (held as AlmanacError).details!.replay as ReplayReport;
    expect(replay.heldBack).toEqual(['please close my account']);
    expect(replay.changes[0]).toMatchObject({ kind: 'no-longer-handed-off', sensitive: true, count: 3 });
    expect(live.activeId).toBe(before);

    const forced = await gatedPublish({ ...options, questions, override: 'Closing an account is self-service now' });
    expect(live.activeId).toBe(forced.snapshot);
    const audit = (await readFile(path.join(ctx.reviewed.store.ws.root, 'audit/log.jsonl'), 'utf8')).trim().split('\n');
    const last = JSON.parse(audit.at(-1)!) as { action: string; details: Record<string, unknown> };
    expect(last.action).toBe('snapshot.publish');
    expect(last.details).toMatchObject({
      override: 'Closing an account is self-service now',
      letThrough: ['please close my account'],
      replay: { questions: 2 },
    });
  }, 180_000);
});
