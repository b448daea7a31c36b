import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishingWorkspace } from '../../tests/fixtures/publishingWorkspace.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { buildSnapshot, packSnapshot, type BuiltSnapshot } from '../publish/index.js';
import { ConversationLog, LiveAgent, SnapshotStore, startAgentServer, type RunningAgent } from './index.js';

let ctx: Awaited<ReturnType<typeof publishingWorkspace>>;
let data: Awaited<ReturnType<typeof tempDir>>;
let store: SnapshotStore;
let live: LiveAgent;
let server: RunningAgent;
let first: BuiltSnapshot;
let second: BuiltSnapshot;
const token = 'requests-token';
const auth = { authorization: `Bearer ${token}` };

async function call(route: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}${route}`, { method: 'POST', ...init, headers: { ...auth, ...init.headers } });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  ctx = await publishingWorkspace();
  data = await tempDir('almanac-agent-requests-');
  first = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager });
  await ctx.reviewed.store.setArchived('payment-methods', true);
  second = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager, parent: first.manifest.id });
  store = await SnapshotStore.open(data.dir, [ctx.manager.member.publicKey!]);
  for (const s of [first, second]) await store.receive(await packSnapshot(s.dir, `${s.dir}.tar.gz`));
  live = new LiveAgent(store);
  server = await startAgentServer({ agent: live, log: new ConversationLog(path.join(data.dir, 'logs')), token });
});

afterAll(async () => {
  await server.close();
  live.close();
  await ctx.cleanup();
  await data.cleanup();
});

describe('the agent API, asked the same thing twice or asked wrongly', () => {
  it('rolls back to the snapshot served before, after the same snapshot was activated twice, also after a restart', async () => {
    const [a, b] = [first.manifest.id, second.manifest.id];
    for (const id of [a, b, b]) expect((await call(`/v1/snapshots/${id}/activate`)).body).toEqual({ active: id });
    const state = JSON.parse(await readFile(path.join(data.dir, 'active.json'), 'utf8')) as { previous: string[] };
    expect(state.previous).toEqual([a]);
    expect(await call('/v1/rollback')).toEqual({ status: 200, body: { active: a } });

    // A retried publish of B, then a restart: the history was saved with the pointer.
    for (const id of [b, b]) await call(`/v1/snapshots/${id}/activate`);
    const restarted = new LiveAgent(store);
    expect((await restarted.resume()).id).toBe(b);
    expect(await restarted.rollback()).toBe(a);
    restarted.close();
    expect((await store.active())?.id).toBe(a);
    // Nothing before A: a further rollback says so instead of staying put silently.
    expect((await call('/v1/rollback')).status).toBe(404);
  });

  it('refuses a bare token without "Bearer" on every /v1 route', async () => {
    const routes: [string, string][] = [
      ['GET', '/v1/status'],
      ['GET', '/v1/snapshots'],
      ['GET', '/v1/logs'],
      ['POST', '/v1/rollback'],
      ['POST', '/v1/snapshots'],
      ['POST', `/v1/snapshots/${first.manifest.id}/activate`],
      ['POST', '/v1/answer'],
      ['POST', '/v1/chat/completions'],
    ];
    for (const [method, route] of routes) {
      const res = await fetch(`${server.url}${route}`, { method, headers: { authorization: token } });
      expect([route, res.status]).toEqual([route, 401]);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Bearer <token>/);
    }
    expect((await fetch(`${server.url}/v1/status`, { headers: auth })).status).toBe(200);
  });

  it('answers 400 to a rollback whose body is not JSON (422 when it is JSON of the wrong shape), and stays on the snapshot in service', async () => {
    const active = live.activeId;
    const res = await call('/v1/rollback', { body: '{"to": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/not JSON/) },
    });
    expect((await call('/v1/rollback', { body: '{"to": 5}' })).status).toBe(422);
    expect(live.activeId).toBe(active);
  });
});
