import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { AlmanacError } from '../AlmanacError.js';
import { httpStatus, sameToken } from '../api/index.js';
import { answerQuestion, type CompletionProvider, type Turn } from '../answer/index.js';
import { packSnapshot } from '../publish/index.js';
import { searchKnowledge } from '../retrieval/index.js';
import { chatSchema, chatTurns, completion, completionChunks } from './chatCompletions.js';
import type { ConversationLog } from './conversationLog.js';
import type { LiveAgent, LoadedSnapshot } from './LiveAgent.js';
import { defaultBundleLimits, type BundleLimits } from './unpackBundle.js';

export interface AgentServerOptions {
  agent: LiveAgent;
  log: ConversationLog;
  token: string;
  provider?: CompletionProvider;
  /** Limits on an uploaded bundle, checked as it streams in. @default defaultBundleLimits */
  limits?: Partial<BundleLimits>;
}

const answerSchema = z.object({
  question: z.string().trim().min(1).max(4000),
  history: z
    .array(z.object({ role: z.enum(['customer', 'agent']), text: z.string().max(20_000) }))
    .max(40)
    .default([]),
  conversationId: z.string().max(100).optional(),
});

const rollbackSchema = z.object({ to: z.string().min(1).max(100).optional() });

/** The token of an `Authorization: Bearer <token>` header; undefined for any other form (a bare token too). */
function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
}

const feedbackSchema = z.object({
  conversationId: z.string().min(1).max(100),
  resolved: z.boolean().optional(),
  handoffAccepted: z.boolean().optional(),
  csat: z.number().int().min(1).max(5).optional(),
  comment: z.string().max(4000).optional(),
});

/**
 * The live agent's HTTP API: snapshots in (upload, activate, rollback), answers out (`/v1/answer`,
 * `/v1/search`, OpenAI-compatible `/v1/chat/completions`), feedback and the conversation log; every
 * `/v1` route needs the bearer token. Each answer names the snapshot it came from.
 */
export function createAgentApp(options: AgentServerOptions): Hono {
  const { agent, log, token, provider } = options;
  const limits: BundleLimits = { ...defaultBundleLimits, ...options.limits };
  const app = new Hono();
  const fail = (c: Context, err: unknown) => {
    if (err instanceof AlmanacError)
      return c.json({ error: { code: err.code, message: err.message } }, httpStatus[err.code]);
    console.error('[almanac agent]', err);
    return c.json({ error: { code: 'INTERNAL', message: (err as Error).message } }, 500);
  };
  const body = async <T>(c: Context, schema: z.ZodType<T>): Promise<T> => {
    let value: unknown;
    try {
      value = await c.req.json();
    } catch {
      throw new AlmanacError('VALIDATION_FAILED', 'The request body must be JSON.');
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new AlmanacError(
        'VALIDATION_FAILED',
        parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      );
    return parsed.data;
  };
  /** The optional rollback body: empty, or `{"to": "<snapshot id>"}`; VALIDATION_FAILED otherwise. */
  const rollbackBody = async (c: Context): Promise<z.infer<typeof rollbackSchema>> => {
    const text = await c.req.text();
    if (!text.trim()) return {};
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new AlmanacError(
        'VALIDATION_FAILED',
        'The rollback body is not JSON: send nothing to go back one snapshot, or {"to": "<snapshot id>"}.',
      );
    }
    const parsed = rollbackSchema.safeParse(value);
    if (!parsed.success)
      throw new AlmanacError(
        'VALIDATION_FAILED',
        'The rollback body may only be {"to": "<snapshot id>"}: send nothing to go back one snapshot.',
      );
    return parsed.data;
  };
  /**
   * Answer with the provider; when it fails (down, slow, refusing), the customer still gets the
   * extractive answer from the same passages, and the log says why.
   */
  const answer = async (snapshot: LoadedSnapshot, question: string, history: Turn[], conversationId: string) => {
    let providerFailed: string | undefined;
    const result = await answerQuestion(snapshot.knowledge, question, { history, provider }).catch(
      async (err: unknown) => {
        if (!(provider && err instanceof AlmanacError && err.code === 'PROVIDER_FAILED')) throw err;
        providerFailed = err.message;
        console.error('[almanac agent] the answer provider failed; answering extractively:', err.message);
        return answerQuestion(snapshot.knowledge, question, { history });
      },
    );
    const versions = Object.fromEntries(
      snapshot.manifest.articles
        .filter((a) => result.citations.some((c) => c.articleId === a.id))
        .map((a) => [a.id, a.version]),
    );
    await log.append({
      type: 'answer',
      time: new Date().toISOString(),
      conversationId,
      snapshot: snapshot.id,
      question,
      answer: result.answer,
      handoff: result.handoff && { topic: result.handoff.topic, reason: result.handoff.reason },
      confidence: result.confidence,
      articleIds: [...new Set(result.citations.map((c) => c.articleId))],
      versions,
      latencyMs: result.trace.timings.totalMs,
      ...(providerFailed ? { providerFailed } : {}),
    });
    return { ...result, ...(providerFailed ? { providerFailed } : {}) };
  };

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.use('/v1/*', async (c, next) => {
    if (!sameToken(bearerToken(c.req.header('authorization')), token))
      return c.json(
        {
          error: {
            code: 'UNAUTHORIZED',
            message: 'Missing or wrong token: send the agent token as "Authorization: Bearer <token>".',
          },
        },
        401,
      );
    await next();
  });

  app.get('/v1/status', async (c) =>
    c.json({
      active: agent.activeId ?? null,
      state: await agent.store.active(),
      snapshots: await agent.store.list(),
      search: agent.search,
      provider: provider?.describe() ?? 'extractive',
    }),
  );
  app.get('/v1/snapshots', async (c) => c.json({ snapshots: await agent.store.list() }));
  app.get('/v1/snapshots/:id/manifest', async (c) => {
    try {
      return c.json(await agent.store.manifest(c.req.param('id')));
    } catch (err) {
      return fail(c, err);
    }
  });

  app.get('/v1/snapshots/:id/bundle', async (c) => {
    try {
      const id = c.req.param('id');
      await agent.store.manifest(id);
      const file = await agent.store.incomingFile();
      try {
        await packSnapshot(agent.store.dirOf(id), file);
        c.header('content-type', 'application/gzip');
        return c.body(await readFile(file));
      } finally {
        await rm(file, { force: true });
      }
    } catch (err) {
      return fail(c, err);
    }
  });

  app.post('/v1/snapshots', async (c) => {
    try {
      const declared = Number(c.req.header('content-length') ?? 0);
      if (declared > limits.compressedBytes)
        throw new AlmanacError(
          'TOO_LARGE',
          `The upload is larger than this agent takes (${limits.compressedBytes} bytes): send the bundle almanac publish makes, or raise the agent's limit.`,
        );
      if (!c.req.raw.body)
        throw new AlmanacError('VALIDATION_FAILED', 'Send the snapshot bundle (.tar.gz) as the body.');
      // Unpacked as it arrives, with every limit counted on the way: nothing is buffered whole.
      const source = Readable.fromWeb(c.req.raw.body as WebReadableStream<Uint8Array>);
      const { manifest, created } = await agent.store.receiveStream(source, limits);
      return c.json({ id: manifest.id, created, articles: manifest.articles.length }, created ? 201 : 200);
    } catch (err) {
      return fail(c, err);
    }
  });

  app.post('/v1/snapshots/:id/activate', async (c) => {
    try {
      return c.json({ active: await agent.activate(c.req.param('id')) });
    } catch (err) {
      return fail(c, err);
    }
  });

  app.post('/v1/rollback', async (c) => {
    try {
      const { to } = await rollbackBody(c);
      return c.json({ active: await agent.rollback(to) });
    } catch (err) {
      return fail(c, err);
    }
  });

  app.post('/v1/answer', async (c) => {
    try {
      const input = await body(c, answerSchema);
      const conversationId = input.conversationId ?? randomUUID();
      return await agent.use(async (snapshot) => {
        const result = await answer(snapshot, input.question, input.history, conversationId);
        c.header('x-almanac-snapshot', snapshot.id);
        return c.json({ ...result, snapshot: snapshot.id, conversationId });
      });
    } catch (err) {
      return fail(c, err);
    }
  });

  app.post('/v1/search', async (c) => {
    try {
      const input = await body(
        c,
        z.object({ query: z.string().trim().min(1).max(2000), k: z.number().int().min(1).max(50).default(10) }),
      );
      return await agent.use(async (snapshot) => {
        const { knowledge } = snapshot;
        const response = await searchKnowledge(knowledge.index, input.query, {
          k: input.k,
          mode: knowledge.vectorSearch ? 'hybrid' : 'lexical',
          filter: knowledge.filter,
          vectorSearch: knowledge.vectorSearch,
        });
        c.header('x-almanac-snapshot', snapshot.id);
        return c.json({ ...response, snapshot: snapshot.id });
      });
    } catch (err) {
      return fail(c, err);
    }
  });

  app.post('/v1/chat/completions', async (c) => {
    try {
      const input = await body(c, chatSchema);
      const { question, history } = chatTurns(input.messages);
      const conversationId = c.req.header('x-almanac-conversation') ?? input.user ?? randomUUID();
      return await agent.use(async (snapshot) => {
        const result = await answer(snapshot, question, history, conversationId);
        const reply = { id: `chatcmpl-${randomBytes(12).toString('hex')}`, model: `almanac-${snapshot.id}`, result };
        c.header('x-almanac-snapshot', snapshot.id);
        c.header('x-almanac-conversation', conversationId);
        if (!input.stream) return c.json(completion(reply));
        return streamSSE(c, async (stream) => {
          for (const chunk of completionChunks(reply)) await stream.writeSSE({ data: JSON.stringify(chunk) });
          await stream.writeSSE({ data: '[DONE]' });
        });
      });
    } catch (err) {
      return fail(c, err);
    }
  });

  app.get('/v1/logs', async (c) => c.json({ days: await log.days() }));
  app.get('/v1/logs/:day', async (c) => {
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    return c.body(await log.read(c.req.param('day')));
  });

  app.post('/v1/feedback', async (c) => {
    try {
      const input = await body(c, feedbackSchema);
      await log.append({ type: 'feedback', time: new Date().toISOString(), ...input, snapshot: agent.activeId });
      return c.json({ ok: true });
    } catch (err) {
      return fail(c, err);
    }
  });
  return app;
}

export interface RunningAgent {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Serve the agent on `host:port` (loopback by default); resolves once it listens. */
export async function startAgentServer(
  options: Omit<AgentServerOptions, 'token'> & { token?: string; port?: number; host?: string },
): Promise<RunningAgent> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const app = createAgentApp({ ...options, token });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 }, () => resolve(s as Server));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
