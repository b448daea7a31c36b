import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishingWorkspace } from '../../tests/fixtures/publishingWorkspace.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import { ConversationLog, LiveAgent, SnapshotStore, startAgentServer, type RunningAgent } from '../agent/index.js';
import type { GateReport } from '../evaluation/index.js';
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
});
