import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { streamSSE } from 'hono/streaming';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AlmanacEvent } from './contract.js';
import { dispatch, type Handlers } from './handlers.js';
import { contentSecurityPolicy } from './contentSecurityPolicy.js';
import { AlmanacError } from '../AlmanacError.js';
import { errorBody, errorReply, httpStatus, notJsonStatus, sameToken } from './httpCommon.js';

export interface HttpBridgeOptions {
  handlers: Handlers;
  /** Built renderer folder (index.html and assets). */
  rendererDir?: string;
  port?: number;
  /** When `port` is in use, try this many ports after it before giving up. */
  nextPorts?: number;
  token?: string;
  subscribe: (listener: (event: AlmanacEvent) => void) => () => void;
}

export interface HttpBridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Largest API request body: an image of 20 MB, base64-encoded, fits. */
export const maxBodyBytes = 32 * 1024 * 1024;

const loopbackHost = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/** Build the bridge's routes: the same handler table as IPC, behind a per-launch token. */
export function createHttpApp(options: Omit<HttpBridgeOptions, 'port'> & { token: string }): Hono {
  const app = new Hono();
  // A route that throws (handlers do not: dispatch turns their errors into results) still answers in the envelope.
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    console.error('[almanac] the studio bridge failed:', err);
    const reply = errorReply(err, 'Something went wrong in the studio bridge; its log says what.');
    return c.json(reply.body, reply.status);
  });
  app.use('*', async (c, next) => {
    // A page on another site can point a name at 127.0.0.1 (DNS rebinding); only loopback names pass.
    if (!loopbackHost.test(c.req.header('host') ?? '')) return c.text('Forbidden host', 403);
    await next();
    c.header('Content-Security-Policy', contentSecurityPolicy);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });
  app.use('/api/*', async (c, next) => {
    const header = c.req.header('authorization')?.replace(/^Bearer\s+/i, '');
    if (!sameToken(header, options.token)) {
      return c.json(
        errorBody('UNAUTHORIZED', 'Missing or wrong token. Open the URL that `almanac web` printed.'),
        httpStatus.UNAUTHORIZED,
      );
    }
    await next();
  });
  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      const unsubscribe = options.subscribe((event) => {
        void stream.writeSSE({ data: JSON.stringify(event) });
      });
      stream.onAbort(unsubscribe);
      while (!stream.aborted) {
        await stream.writeSSE({ event: 'ping', data: '' });
        await stream.sleep(15_000);
      }
      unsubscribe();
    }),
  );
  app.post(
    '/api/:route',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        c.json(
          errorBody(
            'TOO_LARGE',
            `The request is larger than ${maxBodyBytes / 1024 / 1024} MB. Split the content or add large images as files.`,
          ),
          httpStatus.TOO_LARGE,
        ),
    }),
  );
  app.post('/api/:route', async (c) => {
    let input: unknown;
    try {
      input = await c.req.json();
    } catch {
      return c.json(errorBody('VALIDATION_FAILED', 'The request body must be JSON.'), notJsonStatus);
    }
    const result = await dispatch(options.handlers, c.req.param('route'), input);
    return c.json(result, result.ok ? 200 : httpStatus[result.error.code]);
  });
  if (options.rendererDir) {
    app.use('/*', serveStatic({ root: options.rendererDir }));
    app.get('*', serveStatic({ root: options.rendererDir, path: 'index.html' }));
  }
  return app;
}

function listen(app: Hono, port: number): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => resolve(s as Server));
    s.once('error', reject);
  });
}

/** Serve the studio and its API on 127.0.0.1 only; throws CONFLICT when no port it may use is free. */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const app = createHttpApp({ ...options, token });
  const first = options.port ?? 0;
  const last = first === 0 ? 0 : first + (options.nextPorts ?? 0);
  let server: Server | undefined;
  for (let port = first; !server; port++) {
    try {
      server = await listen(app, port);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      if (port >= last) {
        const which = first === last ? `Port ${first} is` : `Ports ${first}–${last} are`;
        throw new AlmanacError('CONFLICT', `${which} in use on 127.0.0.1.`, { port: first });
      }
    }
  }
  const port = (server.address() as AddressInfo).port;
  const listening = server;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        listening.closeAllConnections();
        listening.close(() => resolve());
      }),
  };
}
