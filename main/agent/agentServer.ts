import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { AlmanacError } from '../AlmanacError.js';
import { errorBody, errorReply, httpStatus, notJsonStatus, sameToken } from '../api/index.js';
import { answerQuestion, type AnswerResult, type CompletionProvider, type Turn } from '../answer/index.js';
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

/**
 * What a customer (or the integration in front of them) reads when the agent fails unexpectedly: a
 * stable text, never the exception's, which goes to the agent's stderr instead.
 */
export const internalErrorMessage = 'The agent could not answer just now. Please try again, or ask for a person.';

/** What a caller is told when the provider failed and the answer is the extractive one; the reason stays in the log. */
export const providerFailedMessage =
  'The answer provider did not answer; this answer was taken from the cited passages instead.';

/** An answer as the agent sends it: the provider's own errors (its address, the system's message) stay in the log and on stderr. */
function forCaller(result: AnswerResult): AnswerResult {
  const intent = result.trace.modelIntent;
  return {
    ...result,
    ...(result.providerFailed ? { providerFailed: providerFailedMessage } : {}),
    trace: {
      ...result.trace,
      ...(intent?.problem
        ? { modelIntent: { ...intent, problem: 'The answer provider did not answer the hand-off check.' } }
        : {}),
    },
  };
}

/** Largest JSON request body (a question with its history, feedback, a rollback). */
export const maxJsonBytes = 4 * 1024 * 1024;

/** The token of an `Authorization: Bearer <token>` header; undefined for any other form (a bare token too). */
function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
}

const searchSchema = z.object({
  query: z.string().trim().min(1).max(2000),
  k: z.number().int().min(1).max(50).default(10),
});

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
  /**
   * A request body that is not JSON: 400 VALIDATION_FAILED, as the bridge answers it (JSON that
   * does not fit the route's schema is 422, from `httpStatus`).
   */
  const notJson = (message: string) =>
    new HTTPException(notJsonStatus, {
      res: Response.json(errorBody('VALIDATION_FAILED', message), { status: notJsonStatus }),
    });
  /**
   * The JSON body checked by `schema`. `empty` stands in for an empty body (undefined: a body is
   * required); `wrong` replaces the schema's own list of problems.
   */
  const body = async <T>(
    c: Context,
    schema: z.ZodType<T>,
    options: { empty?: unknown; notJson?: string; wrong?: string } = {},
  ): Promise<T> => {
    const text = await c.req.text();
    let value: unknown = options.empty;
    if (options.empty === undefined || text.trim()) {
      try {
        value = JSON.parse(text);
      } catch {
        throw notJson(options.notJson ?? 'The request body must be JSON.');
      }
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new AlmanacError(
        'VALIDATION_FAILED',
        options.wrong ?? parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      );
    return parsed.data;
  };
  const jsonLimit = bodyLimit({
    maxSize: maxJsonBytes,
    onError: (c) =>
      c.json(
        errorBody('TOO_LARGE', `The request is larger than this agent takes (${maxJsonBytes} bytes).`),
        httpStatus.TOO_LARGE,
      ),
  });
  /**
   * Answer, and log it. When the provider fails, `answerQuestion` answers extractively from the same
   * passages and says why (`providerFailed`), as the studio's preview does; the log keeps the reason.
   */
  const answer = async (snapshot: LoadedSnapshot, question: string, history: Turn[], conversationId: string) => {
    const result = await answerQuestion(snapshot.knowledge, question, { history, provider });
    const { providerFailed } = result;
    if (providerFailed)
      console.error('[almanac agent] the answer provider failed; answered extractively:', providerFailed);
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
    return result;
  };

  /**
   * Every error reply is the bridge's envelope, `{ ok: false, error: { code, message } }`, with its
   * status (`httpStatus`). An AlmanacError says what to do and keeps its message; anything else is
   * INTERNAL with `internalErrorMessage`, and the exception goes to stderr, never to the customer.
   * OpenAI clients of `/v1/chat/completions` read the same body: they take `error.message` and
   * `error.code` from it (the `ok` beside it is ignored), as from OpenAI's own errors.
   */
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    const reply = errorReply(err, internalErrorMessage);
    if (reply.internal) console.error(`[almanac agent] ${c.req.method} ${c.req.path} failed:`, err);
    return c.json(reply.body, reply.status);
  });
  app.notFound((c) =>
    c.json(errorBody('NOT_FOUND', `This agent has no ${c.req.method} ${c.req.path}.`), httpStatus.NOT_FOUND),
  );

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.use('/v1/*', async (c, next) => {
    if (!sameToken(bearerToken(c.req.header('authorization')), token))
      return c.json(
        errorBody('UNAUTHORIZED', 'Missing or wrong token: send the agent token as "Authorization: Bearer <token>".'),
        httpStatus.UNAUTHORIZED,
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
  app.get('/v1/snapshots/:id/manifest', async (c) => c.json(await agent.store.manifest(c.req.param('id'))));

  app.get('/v1/snapshots/:id/bundle', async (c) => {
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
  });

  app.post('/v1/snapshots', async (c) => {
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > limits.compressedBytes)
      throw new AlmanacError(
        'TOO_LARGE',
        `The upload is larger than this agent takes (${limits.compressedBytes} bytes): send the bundle almanac publish makes, or raise the agent's limit.`,
      );
    if (!c.req.raw.body) throw new AlmanacError('VALIDATION_FAILED', 'Send the snapshot bundle (.tar.gz) as the body.');
    // Unpacked as it arrives, with every limit counted on the way: nothing is buffered whole.
    const source = Readable.fromWeb(c.req.raw.body as WebReadableStream<Uint8Array>);
    const { manifest, created } = await agent.store.receiveStream(source, limits);
    return c.json({ id: manifest.id, created, articles: manifest.articles.length }, created ? 201 : 200);
  });

  app.post('/v1/snapshots/:id/activate', async (c) => c.json({ active: await agent.activate(c.req.param('id')) }));

  app.post('/v1/rollback', jsonLimit, async (c) => {
    // Empty, or {"to": "<snapshot id>"}.
    const { to } = await body(c, rollbackSchema, {
      empty: {},
      notJson: 'The rollback body is not JSON: send nothing to go back one snapshot, or {"to": "<snapshot id>"}.',
      wrong: 'The rollback body may only be {"to": "<snapshot id>"}: send nothing to go back one snapshot.',
    });
    return c.json({ active: await agent.rollback(to) });
  });

  app.post('/v1/answer', jsonLimit, async (c) => {
    const input = await body(c, answerSchema);
    const conversationId = input.conversationId ?? randomUUID();
    return agent.use(async (snapshot) => {
      const result = await answer(snapshot, input.question, input.history, conversationId);
      c.header('x-almanac-snapshot', snapshot.id);
      return c.json({ ...forCaller(result), snapshot: snapshot.id, conversationId });
    });
  });

  app.post('/v1/search', jsonLimit, async (c) => {
    const input = await body(c, searchSchema);
    return agent.use(async (snapshot) => {
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
  });

  app.post('/v1/chat/completions', jsonLimit, async (c) => {
    const input = await body(c, chatSchema);
    const { question, history } = chatTurns(input.messages);
    const conversationId = c.req.header('x-almanac-conversation') ?? input.user ?? randomUUID();
    return agent.use(async (snapshot) => {
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
  });

  app.get('/v1/logs', async (c) => c.json({ days: await log.days() }));
  app.get('/v1/logs/:day', async (c) => {
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    return c.body(await log.read(c.req.param('day')));
  });

  app.post('/v1/feedback', jsonLimit, async (c) => {
    const input = await body(c, feedbackSchema);
    await log.append({ type: 'feedback', time: new Date().toISOString(), ...input, snapshot: agent.activeId });
    return c.json({ ok: true });
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
