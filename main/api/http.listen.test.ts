import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { AlmanacError } from '../AlmanacError.js';
import { startHttpBridge, type HttpBridge } from './http.js';
import { openSession, type Session } from './openSession.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let session: Session;
let bridge: HttpBridge | undefined;
let busy: Server;
let busyPort: number;
beforeEach(async () => {
  ctx = await tempWorkspace();
  session = await openSession(ctx.ws.root, { transport: 'http', vault: ctx.vault });
  busy = createServer();
  busyPort = await new Promise<number>((resolve) =>
    busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)),
  );
});
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  await new Promise((resolve) => busy.close(resolve));
  await session.close();
  await ctx.cleanup();
});

const start = (port: number, nextPorts?: number) =>
  startHttpBridge({ handlers: session.handlers, subscribe: session.subscribe, port, nextPorts });

describe('HTTP bridge on a port in use', () => {
  it('moves on to the next free port when it may, and serves the API there', async () => {
    bridge = await start(busyPort, 20);
    expect(bridge.port).toBeGreaterThan(busyPort);
    expect(bridge.port).toBeLessThanOrEqual(busyPort + 20);
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
    const res = await fetch(`http://127.0.0.1:${bridge.port}/api/workspace.info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('fails with CONFLICT naming the port, not EADDRINUSE, when the port was asked for', async () => {
    const err = await start(busyPort).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AlmanacError);
    expect((err as AlmanacError).code).toBe('CONFLICT');
    expect((err as AlmanacError).message).toBe(`Port ${busyPort} is in use on 127.0.0.1.`);
  });

  it('gives up after the ports it may try and names the range', async () => {
    const second = createServer();
    await new Promise<void>((resolve, reject) => {
      second.once('error', reject);
      second.listen(busyPort + 1, '127.0.0.1', resolve);
    });
    try {
      const err = await start(busyPort, 1).catch((e: unknown) => e);
      expect((err as AlmanacError).code).toBe('CONFLICT');
      expect((err as AlmanacError).message).toBe(`Ports ${busyPort}–${busyPort + 1} are in use on 127.0.0.1.`);
    } finally {
      await new Promise((resolve) => second.close(resolve));
    }
  });
});
