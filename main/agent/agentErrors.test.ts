import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishingWorkspace } from '../../tests/fixtures/publishingWorkspace.js';
import { tempDir } from '../../tests/fixtures/tempWorkspace.js';
import { errorBody } from '../api/index.js';
import type { CompletionProvider } from '../answer/index.js';
import { buildSnapshot, packSnapshot } from '../publish/index.js';
import {
  ConversationLog,
  internalErrorMessage,
  LiveAgent,
  maxJsonBytes,
  SnapshotStore,
  startAgentServer,
  type RunningAgent,
} from './index.js';

let ctx: Awaited<ReturnType<typeof publishingWorkspace>>;
let data: Awaited<ReturnType<typeof tempDir>>;
let store: SnapshotStore;
let live: LiveAgent;
const token = 'errors-token';
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const question = 'How long does a refund take to reach my card?';
const secret = 'secret stack detail /home/x';

/** A provider with a bug: it throws a plain Error (not the provider failing), with internals in its text. */
const buggy: CompletionProvider = {
  id: 'openai',
  describe: () => 'buggy',
  complete: async () => {
    throw new Error(secret);
  },
};

/** Run `work` with console.error collected instead of printed; what the agent logged comes back. */
async function capturingStderr(work: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
  };
  try {
    await work();
  } finally {
    console.error = original;
  }
  return lines.join('\n');
}

async function serve(options: { provider?: CompletionProvider; log?: ConversationLog } = {}): Promise<RunningAgent> {
  return startAgentServer({
    agent: live,
    log: options.log ?? new ConversationLog(path.join(data.dir, 'logs')),
    token,
    provider: options.provider,
  });
}

async function post(server: RunningAgent, route: string, body: string, headers: Record<string, string> = auth) {
  const res = await fetch(`${server.url}${route}`, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  ctx = await publishingWorkspace();
  data = await tempDir('almanac-agent-errors-');
  const first = await buildSnapshot({ ...ctx.reviewed, signer: ctx.manager });
  store = await SnapshotStore.open(data.dir, [ctx.manager.member.publicKey!]);
  await store.receive(await packSnapshot(first.dir, `${first.dir}.tar.gz`));
  live = new LiveAgent(store);
  await live.activate(first.manifest.id);
});

afterAll(async () => {
  live.close();
  await ctx.cleanup();
  await data.cleanup();
});

describe('an agent that fails inside', () => {
  it('answers a customer with the stable INTERNAL message, never the exception text, and logs the real error', async () => {
    const server = await serve({ provider: buggy });
    try {
      let replies: { status: number; text: string }[] = [];
      const logged = await capturingStderr(async () => {
        replies = [
          await post(server, '/v1/answer', JSON.stringify({ question })),
          await post(
            server,
            '/v1/chat/completions',
            JSON.stringify({ model: 'almanac', messages: [{ role: 'user', content: question }] }),
          ),
        ];
      });
      for (const reply of replies) {
        expect(reply.status).toBe(500);
        expect(JSON.parse(reply.text)).toEqual({
          ok: false,
          error: { code: 'INTERNAL', message: internalErrorMessage },
        });
        expect(reply.text).not.toContain('secret stack detail');
        expect(reply.text).not.toContain('/home/x');
      }
      expect(logged).toContain(secret);

      // An OpenAI client reads the same envelope: the code and the stable message, nothing else.
      const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: token, maxRetries: 0 });
      const failed = await capturingStderr(async () => {
        const error = await client.chat.completions
          .create({ model: 'almanac', messages: [{ role: 'user', content: question }] })
          .then(
            () => undefined,
            (err: unknown) => err,
          );
        expect(error).toBeInstanceOf(OpenAI.InternalServerError);
        expect(error).toMatchObject({ status: 500, code: 'INTERNAL' });
        expect((error as Error).message).toContain(internalErrorMessage);
        expect((error as Error).message).not.toContain('secret');
      });
      expect(failed).toContain(secret);
    } finally {
      await server.close();
    }
  });

  it('hides a real file system failure (the log folder is a file) the same way', async () => {
    const notAFolder = path.join(data.dir, 'logs-is-a-file');
    await writeFile(notAFolder, 'not a folder');
    const server = await serve({ log: new ConversationLog(notAFolder) });
    try {
      let replies: { status: number; text: string }[] = [];
      const logged = await capturingStderr(async () => {
        replies = [
          await post(server, '/v1/answer', JSON.stringify({ question })),
          await post(server, '/v1/feedback', JSON.stringify({ conversationId: 'c1', resolved: true })),
        ];
      });
      for (const reply of replies) {
        expect(reply.status).toBe(500);
        expect(JSON.parse(reply.text)).toEqual(errorBody('INTERNAL', internalErrorMessage));
        expect(reply.text).not.toContain(data.dir);
        expect(reply.text).not.toMatch(/ENOTDIR|EEXIST/);
      }
      expect(logged).toMatch(/ENOTDIR|EEXIST/);
    } finally {
      await server.close();
    }
  });
});

describe('the agent refusing a request', () => {
  let server: RunningAgent;
  beforeAll(async () => {
    server = await serve();
  });
  afterAll(() => server.close());

  it('answers 401, 400, 422, 404 and 413 in the envelope the studio bridge uses', async () => {
    const noToken = await post(server, '/v1/answer', JSON.stringify({ question }), {
      'content-type': 'application/json',
    });
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.text)).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHORIZED',
        message: 'Missing or wrong token: send the agent token as "Authorization: Bearer <token>".',
      },
    });

    const notJson = await post(server, '/v1/answer', '{"question": ');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.text)).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The request body must be JSON.' },
    });

    const wrong = await post(server, '/v1/answer', JSON.stringify({ question: '' }));
    expect(wrong.status).toBe(422);
    expect(JSON.parse(wrong.text)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/^question: /) },
    });

    const lastNotUser = await post(
      server,
      '/v1/chat/completions',
      JSON.stringify({ messages: [{ role: 'assistant', content: 'hello' }] }),
    );
    expect(lastNotUser.status).toBe(422);
    expect(JSON.parse(lastNotUser.text)).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: "The last message must be the user's." },
    });

    const unknown = await fetch(`${server.url}/v1/nothing-here`, { headers: auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This agent has no GET /v1/nothing-here.' },
    });

    const noSnapshot = await fetch(`${server.url}/v1/snapshots/${'0'.repeat(40)}/manifest`, { headers: auth });
    expect(noSnapshot.status).toBe(404);
    expect(await noSnapshot.json()).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: `This agent has no snapshot ${'0'.repeat(40)}. Upload it first.` },
    });

    const huge = await post(server, '/v1/answer', JSON.stringify({ question: 'x'.repeat(maxJsonBytes) }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('gives an OpenAI client the 401 it reads: status, code and message', async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'wrong', maxRetries: 0 });
    const error = await client.chat.completions
      .create({ model: 'almanac', messages: [{ role: 'user', content: question }] })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect((error as Error).message).toMatch(/Bearer <token>/);
  });
});
