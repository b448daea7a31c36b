import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { startHttpBridge, type HttpBridge } from './http.js';
import { openSession, type Session } from './openSession.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let session: Session;
let bridge: HttpBridge;
beforeEach(async () => {
  ctx = await tempWorkspace();
  session = await openSession(ctx.ws.root, { transport: 'http', vault: ctx.vault });
  bridge = await startHttpBridge({ handlers: session.handlers, subscribe: session.subscribe, port: 0 });
});
afterEach(async () => {
  await bridge.close();
  await session.close();
  await ctx.cleanup();
});

/**
 * Stream `total` bytes of JSON-ish filler without holding them in memory; resolves with the status, the
 * body and how many bytes the client had handed over when the answer came.
 */
function postHuge(total: number, withLength: boolean): Promise<{ status: number; body: string; sent: number }> {
  let sent = 0;
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: bridge.port,
      path: '/api/articles.list',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${bridge.token}`,
        ...(withLength ? { 'content-length': String(total) } : {}),
      },
    });
    req.on('response', (res) => {
      const sentWhenAnswered = sent;
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, sent: sentWhenAnswered });
        req.destroy();
      });
    });
    req.on('error', (err) =>
      String(err).includes('EPIPE') || String(err).includes('ECONNRESET') ? undefined : reject(err),
    );
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pump = () => {
      while (sent < total && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

describe('HTTP bridge limits and status codes', () => {
  it('refuses a 300 MB body with 413 before it is all sent, without buffering it', async () => {
    const before = process.memoryUsage().rss;
    const total = 300 * 1024 * 1024;
    for (const withLength of [true, false]) {
      const res = await postHuge(total, withLength);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
      // Answered at the limit (32 MB), not after reading the 300 MB: the rest was never sent.
      expect(res.sent).toBeLessThan(total / 2);
    }
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(process.memoryUsage().rss).toBeLessThan(400 * 1024 * 1024 + before);
  }, 60_000);

  it('answers errors with their HTTP status and the {ok:false,error} body', async () => {
    const call = async (route: string, body: unknown) => {
      const res = await fetch(`http://127.0.0.1:${bridge.port}/api/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as { ok: boolean; error?: { code: string } } };
    };
    expect(await call('articles.get', { id: 'nope' })).toMatchObject({
      status: 404,
      json: { ok: false, error: { code: 'NOT_FOUND' } },
    });
    expect(await call('articles.get', { id: '../x' })).toMatchObject({
      status: 422,
      json: { error: { code: 'VALIDATION_FAILED' } },
    });
    const made = await call('articles.create', { title: 'Taken', body: 'x' });
    expect(made.status).toBe(200);
    const again = await call('articles.save', {
      id: 'taken',
      meta: { title: 'Taken', locale: 'en' },
      body: 'y',
      baseVersion: 'not-the-current-version',
    });
    expect(again).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
  });
});
