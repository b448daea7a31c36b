import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AlmanacError } from '../AlmanacError.js';
import type { ChatMessage, OpenAiSettings } from './answerProvider.js';
import { openAiProvider } from './openAiProvider.js';

interface Seen {
  url?: string;
  headers?: http.IncomingHttpHeaders;
  body?: Record<string, unknown>;
  /** Resolves when the client's connection for the request closes. */
  closed?: Promise<void>;
}

type Handler = (res: ServerResponse, req: IncomingMessage) => void;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A chat completions server on loopback that records the last request and answers with `handler`. */
async function serve(handler: Handler): Promise<{ baseUrl: string; seen: Seen; close: () => Promise<void> }> {
  const seen: Seen = {};
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    seen.closed = new Promise((resolve) => res.on('close', resolve));
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      Object.assign(seen, { url: req.url, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
      handler(res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  closers.push(close);
  return { baseUrl: `http://127.0.0.1:${port}/v1`, seen, close };
}

function startStream(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
}

function sendDelta(res: ServerResponse, content: string): void {
  const chunk = { object: 'chat.completion.chunk', model: 'served-model', choices: [{ index: 0, delta: { content } }] };
  res.write(`data: ${JSON.stringify(chunk)}\n\n`);
}

async function failureOf(promise: Promise<unknown>): Promise<AlmanacError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AlmanacError);
  expect((error as AlmanacError).code).toBe('PROVIDER_FAILED');
  return error as AlmanacError;
}

const messages: ChatMessage[] = [
  { role: 'system', content: 'Answer from the articles.' },
  { role: 'user', content: 'How do I reset a password?' },
];

function provider(baseUrl: string, extra: Partial<OpenAiSettings> = {}) {
  return openAiProvider({ baseUrl, model: 'local-model', ...extra });
}

describe('openAiProvider', { timeout: 5000 }, () => {
  it('streams pieces to onDelta in order and sends the prompt, stream:true and the bearer key', async () => {
    const { baseUrl, seen } = await serve((res) => {
      startStream(res);
      sendDelta(res, '');
      sendDelta(res, 'To reset');
      const split = `data: ${JSON.stringify({ model: 'served-model', choices: [{ delta: { content: ', open' } }] })}\n\n`;
      res.write(split.slice(0, 20));
      setTimeout(() => {
        res.write(split.slice(20));
        sendDelta(res, ' Settings.');
        res.end('data: [DONE]\n\n');
      }, 20);
    });
    const pieces: string[] = [];
    const reply = await provider(`${baseUrl}/`, { apiKey: 'sk-test' }).complete({
      messages,
      maxTokens: 256,
      onDelta: (piece) => pieces.push(piece),
    });

    expect(pieces).toEqual(['To reset', ', open', ' Settings.']);
    expect(reply).toEqual({ text: 'To reset, open Settings.', model: 'served-model' });
    expect(seen.url).toBe('/v1/chat/completions');
    expect(seen.headers?.authorization).toBe('Bearer sk-test');
    expect(seen.body).toEqual({ model: 'local-model', messages, stream: true, temperature: 0.2, max_tokens: 256 });
  });

  it('accepts a plain JSON reply from a server that ignores stream:true', async () => {
    const { baseUrl, seen } = await serve((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({
          model: 'json-model',
          choices: [{ message: { role: 'assistant', content: 'Use Settings.' } }],
        }),
      );
    });
    const pieces: string[] = [];
    const reply = await provider(baseUrl).complete({ messages, onDelta: (piece) => pieces.push(piece) });

    expect(reply).toEqual({ text: 'Use Settings.', model: 'json-model' });
    expect(pieces).toEqual(['Use Settings.']);
    expect(seen.headers?.authorization).toBeUndefined();
    expect(seen.body).not.toHaveProperty('max_tokens');
  });

  it('reports a 401 with the server message, points at the API key and never shows the key', async () => {
    const { baseUrl } = await serve((res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-secret-123.', type: 'auth' } }));
    });
    const openai = provider(baseUrl, { apiKey: 'sk-secret-123' });
    const error = await failureOf(openai.complete({ messages }));

    expect(error.message).toContain('401');
    expect(error.message).toContain('Incorrect API key provided');
    expect(error.message).toMatch(/check the API key/i);
    expect(error.message).not.toContain('sk-secret-123');
    expect(openai.describe()).toBe(`openai local-model at ${baseUrl}`);
  });

  it('reports a 404 by naming the model and the base URL', async () => {
    const { baseUrl } = await serve((res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'model "local-model" not found, try pulling it first' } }));
    });
    const error = await failureOf(provider(baseUrl).complete({ messages }));

    expect(error.message).toContain('404');
    expect(error.message).toContain('not found, try pulling it first');
    expect(error.message).toMatch(/model name \(local-model\).*base URL/);
  });

  it('fails with the server message when the stream carries an error object', async () => {
    const { baseUrl } = await serve((res) => {
      startStream(res);
      sendDelta(res, 'Partial');
      res.end(`data: ${JSON.stringify({ error: { message: 'CUDA out of memory' } })}\n\n`);
    });
    const error = await failureOf(provider(baseUrl).complete({ messages }));

    expect(error.message).toContain('CUDA out of memory');
  });

  it('fails by the idle timeout when the stream stalls, and closes the connection', async () => {
    const { baseUrl, seen } = await serve((res) => {
      startStream(res);
      sendDelta(res, 'Hi');
    });
    const pieces: string[] = [];
    const error = await failureOf(
      provider(baseUrl, { idleTimeoutMs: 300, timeoutMs: 10_000 }).complete({
        messages,
        onDelta: (piece) => pieces.push(piece),
      }),
    );

    // The idle timeout stopped it (its message), not the 10 s total one.
    expect(pieces).toEqual(['Hi']);
    expect(error.message).toContain(`The answer provider at ${baseUrl} sent nothing for 0.3 s`);
    await seen.closed;
  });

  it('fails by the total timeout while pieces keep trickling in', async () => {
    const { baseUrl, seen } = await serve((res) => {
      startStream(res);
      const timer = setInterval(() => sendDelta(res, '.'), 40);
      res.on('close', () => clearInterval(timer));
    });
    const pieces: string[] = [];
    const error = await failureOf(
      provider(baseUrl, { idleTimeoutMs: 5000, timeoutMs: 400 }).complete({
        messages,
        onDelta: (piece) => pieces.push(piece),
      }),
    );

    // The total timeout stopped it (its message) while pieces still came, not the 5 s idle one.
    expect(pieces.length).toBeGreaterThan(2);
    expect(error.message).toContain('did not finish within 0.4 s');
    await seen.closed;
  });

  it('stops when the caller aborts, and closes the connection', async () => {
    const { baseUrl, seen } = await serve((res) => {
      startStream(res);
      sendDelta(res, 'First');
    });
    const controller = new AbortController();
    const error = await failureOf(
      provider(baseUrl).complete({ messages, signal: controller.signal, onDelta: () => controller.abort() }),
    );

    expect(error.message).toMatch(/cancelled/);
    await seen.closed;
    await expect(
      failureOf(provider(baseUrl).complete({ messages, signal: controller.signal })),
    ).resolves.toHaveProperty('message', expect.stringMatching(/cancelled/));
  });

  it('says the server could not be reached when nothing listens on the port', async () => {
    const { baseUrl, close } = await serve(() => undefined);
    await close();
    const error = await failureOf(provider(baseUrl).complete({ messages }));

    expect(error.message).toContain(`Could not reach the answer provider at ${baseUrl}`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toMatch(/Check the base URL and that the server is running/);
  });
});
