import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal);
// Linux routes all of 127.0.0.0/8 to loopback: a server bound to 0.0.0.0 answers on 127.0.0.2, ours must not.
const otherAddresses = [external?.address, process.platform === 'linux' ? '127.0.0.2' : undefined].filter(
  (a): a is string => a !== undefined,
);

function post(route: string, body: unknown, headers: Record<string, string> = {}, host = '127.0.0.1') {
  return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const req = request(
      {
        host,
        port: bridge.port,
        path: `/api/${route}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: data.startsWith('{') || data.startsWith('[') ? JSON.parse(data) : data,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('HTTP bridge', () => {
  it('refuses requests without the token or with a wrong one', async () => {
    expect((await post('articles.list', {})).status).toBe(401);
    expect((await post('articles.list', {}, { authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('serves the same handler table with the token, as typed results', async () => {
    const auth = { authorization: `Bearer ${bridge.token}` };
    const created = await post('articles.create', { title: 'Hello', locale: 'en' }, auth);
    expect(created.json).toMatchObject({ ok: true, data: { id: 'hello', status: 'draft' } });
    const missing = await post('articles.get', { id: 'nope' }, auth);
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const invalid = await post('articles.get', { id: '../x' }, auth);
    expect(invalid.json).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknown = await post('nope.route', {}, auth);
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('rejects other Host names (DNS rebinding)', async () => {
    const res = await post('articles.list', {}, { authorization: `Bearer ${bridge.token}`, host: 'evil.example:80' });
    expect(res.status).toBe(403);
  });

  it('listens on loopback', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    expect((await post('articles.list', {})).status).toBe(401);
  });

  it.skipIf(otherAddresses.length === 0)('refuses connections on every other address', async () => {
    for (const address of otherAddresses) {
      await expect(post('articles.list', {}, { authorization: `Bearer ${bridge.token}` }, address)).rejects.toThrow(
        /ECONNREFUSED/,
      );
    }
  });
});

describe('search through the bridge', () => {
  it('indexes in the background and finds an article saved a moment ago', async () => {
    const auth = { authorization: `Bearer ${bridge.token}` };
    await post(
      'articles.create',
      { title: 'Parcel lockers', locale: 'en', body: 'Pick up from a quokka locker.' },
      auth,
    );
    // Searched again until the background indexing has taken the article in.
    await vi.waitFor(
      async () => {
        const res = (await post('search.query', { query: 'quokka locker', mode: 'lexical' }, auth)).json as
          { ok: true; data: { results: { articleId: string }[] } } | { ok: false; error: unknown };
        expect(res).toMatchObject({ ok: true });
        if (res.ok) expect(res.data.results[0]?.articleId).toBe('parcel-lockers');
      },
      { timeout: 10_000, interval: 100 },
    );
  });
});
