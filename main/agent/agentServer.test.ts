import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishingWorkspace } from '../../tests/fixtures/publishingWorkspace.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { buildSnapshot, packSnapshot, publishSnapshot, type BuiltSnapshot } from '../publish/index.js';
import {
  ConversationLog,
  LiveAgent,
  providerFailedMessage,
  SnapshotStore,
  startAgentServer,
  type RunningAgent,
} from './index.js';

let ctx: Awaited<ReturnType<typeof publishingWorkspace>>;
let data: Awaited<ReturnType<typeof tempDir>>;
let server: RunningAgent;
let live: LiveAgent;
let first: BuiltSnapshot;
let second: BuiltSnapshot;

const question = 'How long does a refund take to reach my card?';
const cardQuestion = 'Can I combine several gift cards with another payment method?';

async function ask(
  q: string,
): Promise<{ snapshot: string; body: { answer: string; citations: { articleId: string }[]; handoff: unknown } }> {
  const res = await fetch(`${server.url}/v1/answer`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ question: q }),
  });
  expect(res.status).toBe(200);
  return { snapshot: res.headers.get('x-almanac-snapshot')!, body: (await res.json()) as never };
}

const unreachable = () => {
  throw new Error('a folder target is not used here');
};

// The two snapshots are built once; each test gets a fresh agent that holds none.
beforeAll(async () => {
  ctx = await publishingWorkspace();
  first = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager });
  // A second approved state: the payment methods article archived, so it leaves the snapshot.
  await ctx.reviewed.store.setArchived('payment-methods', true);
  second = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager, parent: first.manifest.id });
});

afterAll(() => ctx.cleanup());

beforeEach(async () => {
  data = await tempDir('almanac-agent-');
  const store = await SnapshotStore.open(data.dir, [ctx.manager.member.publicKey!]);
  live = new LiveAgent(store);
  server = await startAgentServer({
    agent: live,
    log: new ConversationLog(path.join(data.dir, 'logs')),
    token: 'test-token',
  });
});

afterEach(async () => {
  await server.close();
  live.close();
  await data.cleanup();
});

/** Publish each snapshot to this test's agent in turn: the last one is in service. */
async function inService(...snapshots: BuiltSnapshot[]) {
  const target = { kind: 'url' as const, url: server.url, token: server.token };
  for (const s of snapshots) await publishSnapshot(ctx.reviewed.store.ws, s, target, ctx.manager, unreachable);
}

describe('almanac agent serve', () => {
  it('answers only once a snapshot is active, then from it, with citations and the snapshot named', async () => {
    const before = await fetch(`${server.url}/v1/answer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
    expect(before.status).toBe(404);
    const target = { kind: 'url' as const, url: server.url, token: server.token };
    await publishSnapshot(ctx.reviewed.store.ws, first, target, ctx.manager, unreachable);
    const { snapshot, body } = await ask(question);
    expect(snapshot).toBe(first.manifest.id);
    expect(body.citations[0]?.articleId).toBe('refund-policy');
    const audit = await readFile(path.join(ctx.reviewed.store.ws.root, 'audit/log.jsonl'), 'utf8');
    expect(audit).toContain(`"action":"snapshot.publish","subject":"${first.manifest.id}"`);
  });

  it('switches to a new snapshot and rolls back to the old one', async () => {
    await inService(first);
    const target = { kind: 'url' as const, url: server.url, token: server.token };
    expect((await ask(cardQuestion)).body.citations.map((c) => c.articleId)).toContain('payment-methods');
    const result = await publishSnapshot(ctx.reviewed.store.ws, second, target, ctx.manager, unreachable);
    expect(result.previous).toBe(first.manifest.id);
    const after = await ask(cardQuestion);
    expect(after.snapshot).toBe(second.manifest.id);
    expect(after.body.citations.map((c) => c.articleId)).not.toContain('payment-methods');
    const res = await fetch(`${server.url}/v1/rollback`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(await res.json()).toEqual({ active: first.manifest.id });
    const back = await ask(cardQuestion);
    expect(back.snapshot).toBe(first.manifest.id);
    expect(back.body.citations.map((c) => c.articleId)).toContain('payment-methods');
  });

  it('refuses a tampered upload and a request without the token', async () => {
    const bundle = path.join(data.dir, 'tampered.tar.gz');
    await packSnapshot(first.dir, bundle);
    const bytes = await readFile(bundle);
    bytes[Math.floor(bytes.length / 2)] = bytes[Math.floor(bytes.length / 2)]! ^ 0xff;
    await writeFile(bundle, bytes);
    const res = await fetch(`${server.url}/v1/snapshots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
      body: await readFile(bundle),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/snapshot|refused/i);
    const open = await fetch(`${server.url}/v1/status`);
    expect(open.status).toBe(401);
  });

  it('speaks chat completions to the official openai client, streamed and not, with citations in context', async () => {
    await inService(first);
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: server.token });
    const plain = await client.chat.completions.create({
      model: 'almanac',
      messages: [{ role: 'user', content: question }],
    });
    const message = plain.choices[0]!.message as (typeof plain.choices)[0]['message'] & {
      context: {
        citations: { title: string; chunk_id: string; filepath: string; content: string }[];
        handoff: unknown;
      };
    };
    expect(message.content).toMatch(/business days/);
    expect(message.context.citations[0]).toMatchObject({
      title: 'Refund policy',
      filepath: 'articles/refund-policy.md',
    });
    expect(message.context.handoff).toBeNull();

    const stream = await client.chat.completions.create({
      model: 'almanac',
      stream: true,
      messages: [
        { role: 'user', content: 'How many days do I have to return an item?' },
        { role: 'assistant', content: 'You can return it within 30 days of delivery.' },
        { role: 'user', content: 'please close my account' },
      ],
    });
    let text = '';
    let handoff: unknown;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      const delta = chunk.choices[0]?.delta as { content?: string; context?: { handoff: unknown } };
      text += delta.content ?? '';
      handoff ??= delta.context?.handoff;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(text).toMatch(/team/);
    expect(handoff).toMatchObject({ topic: 'account-closure' });
  });

  it('logs each answer and feedback as JSONL lines', async () => {
    await inService(first);
    const conversationId = 'conv-1';
    await fetch(`${server.url}/v1/answer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ question, conversationId }),
    });
    const fb = await fetch(`${server.url}/v1/feedback`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId, resolved: true, csat: 5 }),
    });
    expect(fb.status).toBe(200);
    const log = new ConversationLog(path.join(data.dir, 'logs'));
    const lines = (await readFile(log.fileFor(new Date().toISOString()), 'utf8'))
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { type: string; conversationId: string; versions?: Record<string, string>; csat?: number },
      );
    const mine = lines.filter((l) => l.conversationId === conversationId);
    expect(mine.map((l) => l.type)).toEqual(['answer', 'feedback']);
    expect(mine[0]!.versions?.['refund-policy']).toMatch(/^[0-9a-f]{40}$/);
    expect(mine[1]!.csat).toBe(5);
    const day = new Date().toISOString().slice(0, 10);
    const days = (await (
      await fetch(`${server.url}/v1/logs`, { headers: { authorization: `Bearer ${server.token}` } })
    ).json()) as {
      days: string[];
    };
    expect(days.days).toContain(day);
    const back = await (
      await fetch(`${server.url}/v1/logs/${day}`, { headers: { authorization: `Bearer ${server.token}` } })
    ).text();
    expect(back).toContain('"conversationId":"conv-1"');
  });

  it('answers 2,000 concurrent requests without a failure while 5 activations and a rollback happen', async () => {
    await inService(second, first);
    const ids = [first.manifest.id, second.manifest.id];
    // A logical clock (one thread: a tick taken later is later); spans and requests are ordered by it.
    let ticks = 0;
    const now = () => ++ticks;
    const spans: { id: string; from: number; to: number }[] = [{ id: live.activeId!, from: 0, to: Infinity }];
    const results: { ok: boolean; snapshot: string; from: number; to: number }[] = [];
    const switches = (async () => {
      for (let i = 0; i < 6; i++) {
        // Each switch happens once another 250 answers are in, so all six land among the 2,000.
        await vi.waitFor(() => expect(results.length).toBeGreaterThanOrEqual((i + 1) * 250), {
          timeout: 120_000,
          interval: 5,
        });
        const next = i === 5 ? undefined : ids[(i + 1) % 2]!;
        const started = now();
        const path = next ? `/v1/snapshots/${next}/activate` : '/v1/rollback';
        const res = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}` },
        });
        const { active } = (await res.json()) as { active: string };
        spans.at(-1)!.to = now();
        spans.push({ id: active, from: started, to: Infinity });
      }
    })();
    let sent = 0;
    const client = async () => {
      while (sent < 2000) {
        sent++;
        const from = now();
        const res = await fetch(`${server.url}/v1/answer`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ question: sent % 2 ? question : cardQuestion }),
        });
        await res.arrayBuffer();
        results.push({
          ok: res.status === 200,
          snapshot: res.headers.get('x-almanac-snapshot') ?? '',
          from,
          to: now(),
        });
      }
    };
    await Promise.all([...Array.from({ length: 16 }, client), switches]);
    expect(results).toHaveLength(2000);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    // Each answer came from a snapshot that was in service at some moment while it was being answered.
    const wrong = results.filter((r) => !spans.some((s) => s.id === r.snapshot && s.from <= r.to && s.to >= r.from));
    expect(wrong).toEqual([]);
    expect(new Set(results.map((r) => r.snapshot))).toEqual(new Set(ids));
  }, 180_000);
});

describe('an agent whose language model is down', () => {
  it('still answers, extractively from the same passages, and logs why', async () => {
    const { openAiProvider } = await import('../answer/index.js');
    const dir = await tempDir('almanac-agent-fallback-');
    const store = await SnapshotStore.open(dir.dir, [ctx.manager.member.publicKey!]);
    await store.receive(await packSnapshot(first.dir, path.join(dir.dir, 'first.tar.gz')));
    const agent = new LiveAgent(store);
    await agent.activate(first.manifest.id);
    // A port that was just freed: nothing listens, every request to the model is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = openAiProvider({ baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm' });
    const running = await startAgentServer({
      agent,
      log: new ConversationLog(path.join(dir.dir, 'logs')),
      token: 't',
      provider: down,
    });
    try {
      const res = await fetch(`${running.url}/v1/answer`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify({ question }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        answer: string;
        citations: { articleId: string }[];
        providerFailed?: string;
      };
      expect(body.providerFailed).toBe(providerFailedMessage);
      expect(JSON.stringify(body)).not.toContain(`127.0.0.1:${port}`);
      expect(body.citations[0]?.articleId).toBe('refund-policy');
      expect(body.answer).toMatch(/business days/);
      const day = new Date().toISOString().slice(0, 10);
      const logged = (await readFile(path.join(dir.dir, 'logs', `conversations-${day}.jsonl`), 'utf8')).trim();
      expect(JSON.parse(logged.split('\n').at(-1)!)).toMatchObject({
        type: 'answer',
        providerFailed: expect.stringContaining(`127.0.0.1:${port}`),
      });
    } finally {
      await running.close();
      agent.close();
      await dir.cleanup();
    }
  });
});
