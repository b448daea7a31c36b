import type { ChildProcess } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publishingWorkspace } from '../../tests/fixtures/publishingWorkspace.js';
import { kill9, startAgentProcess } from '../../tests/fixtures/agentProcess.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { buildSnapshot, packSnapshot, type BuiltSnapshot } from '../publish/index.js';

let ctx: Awaited<ReturnType<typeof publishingWorkspace>>;
let data: Awaited<ReturnType<typeof tempDir>>;
let first: BuiltSnapshot;
let second: BuiltSnapshot;
const token = 'crash-token';
const children: ChildProcess[] = [];

/** Start `almanac agent serve` on the data folder, as an operator would. */
async function serve(): Promise<{ child: ChildProcess; url: string }> {
  const agent = await startAgentProcess([
    '--data',
    path.join(data.dir, 'agent'),
    '--trust',
    path.join(data.dir, 'trusted.json'),
    '--token',
    token,
  ]);
  children.push(agent.child);
  return agent;
}

const auth = { authorization: `Bearer ${token}` };

async function upload(url: string, snapshot: BuiltSnapshot): Promise<number> {
  const bundle = `${snapshot.dir}.tar.gz`;
  const res = await fetch(`${url}/v1/snapshots`, { method: 'POST', headers: auth, body: await readFile(bundle) });
  return res.status;
}

async function activeOf(url: string): Promise<string | null> {
  return ((await (await fetch(`${url}/v1/status`, { headers: auth })).json()) as { active: string | null }).active;
}

async function answerSnapshot(url: string): Promise<string | null> {
  const res = await fetch(`${url}/v1/answer`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ question: 'How long does a refund take to reach my card?' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('x-almanac-snapshot');
}

beforeAll(async () => {
  ctx = await publishingWorkspace();
  data = await tempDir('almanac-agent-crash-');
  await writeFile(path.join(data.dir, 'trusted.json'), JSON.stringify([ctx.manager.member.publicKey]));
  first = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager });
  await ctx.reviewed.store.setArchived('payment-methods', true);
  second = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager });
  for (const s of [first, second]) await packSnapshot(s.dir, `${s.dir}.tar.gz`);
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await ctx.cleanup();
  await data.cleanup();
});

describe('the agent after kill -9', () => {
  it('killed during an upload, serves the last activated snapshot and keeps no half-written one', async () => {
    let agent = await serve();
    expect(await upload(agent.url, first)).toBe(201);
    await fetch(`${agent.url}/v1/snapshots/${first.manifest.id}/activate`, { method: 'POST', headers: auth });

    const bytes = await readFile(`${second.dir}.tar.gz`);
    const half = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
      },
    });
    const pending = fetch(`${agent.url}/v1/snapshots`, {
      method: 'POST',
      headers: auth,
      body: half,
      duplex: 'half',
    } as RequestInit).catch(() => undefined);
    // Killed once the agent has started writing the half upload to incoming/.
    await vi.waitFor(
      async () => expect((await readdir(path.join(data.dir, 'agent/incoming'))).length).toBeGreaterThan(0),
      {
        timeout: 10_000,
        interval: 20,
      },
    );
    await kill9(agent.child);
    await pending;

    agent = await serve();
    expect(await activeOf(agent.url)).toBe(first.manifest.id);
    expect(await answerSnapshot(agent.url)).toBe(first.manifest.id);
    expect(await readdir(path.join(data.dir, 'agent/incoming'))).toEqual([]);
    expect(await readdir(path.join(data.dir, 'agent/snapshots'))).toEqual([first.manifest.id]);
    await kill9(agent.child);
  });

  it('killed during activations, comes back on one whole snapshot that answers', async () => {
    let agent = await serve();
    expect(await upload(agent.url, second)).toBe(201);
    for (const [round, delay] of [5, 20, 60].entries()) {
      const next = round % 2 ? first.manifest.id : second.manifest.id;
      void fetch(`${agent.url}/v1/snapshots/${next}/activate`, { method: 'POST', headers: auth }).catch(
        () => undefined,
      );
      // Not a wait for a state: the kill lands at a different moment of the activation each round,
      // and whatever moment it hits, the checks below must hold.
      await new Promise((r) => setTimeout(r, delay));
      await kill9(agent.child);
      agent = await serve();
      const active = await activeOf(agent.url);
      expect([first.manifest.id, second.manifest.id]).toContain(active);
      expect(await answerSnapshot(agent.url)).toBe(active);
      const state = JSON.parse(await readFile(path.join(data.dir, 'agent/active.json'), 'utf8')) as { id: string };
      expect(state.id).toBe(active);
    }
    await kill9(agent.child);
  });
});
