// `npm run dev:web [workspace]`: the renderer from Vite's dev server with hot reload, in a browser, and the core's
// HTTP bridge behind its /api. The browser twin of `npm run dev`, for machines without the Electron binary.
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { resolveConfig } from 'electron-vite';
import { createServer, mergeConfig } from 'vite';
import { openSession, startHttpBridge } from '../main/api/index.js';
import { resolveCliConfig } from '../main/cli/index.js';
import { fileKeyVault } from '../main/identity/index.js';
import { ensureSampleWorkspace } from './ensureSampleWorkspace.js';

const ws = process.argv[2] ? path.resolve(process.argv[2]) : ensureSampleWorkspace();
const cli = resolveCliConfig();
const session = await openSession(ws, {
  transport: 'http',
  modelDir: cli.modelDir,
  vault: fileKeyVault(cli.configDir),
});
const bridge = await startHttpBridge({ handlers: session.handlers, subscribe: session.subscribe, port: 0 });
const { config } = await resolveConfig({}, 'serve', 'development');
const server = await createServer(
  mergeConfig(config?.renderer ?? {}, {
    configFile: false,
    server: {
      proxy: {
        '/api/': {
          target: `http://127.0.0.1:${bridge.port}`,
          // Host 127.0.0.1:<port> passes the bridge's loopback check.
          changeOrigin: true,
          // renderer/api/*.ts are modules the dev server serves itself; routes are POSTs, events a GET.
          bypass: (req: IncomingMessage) => (req.method === 'GET' && req.url !== '/api/events' ? req.url : undefined),
        },
      },
    },
  }),
);
await server.listen();
const local = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`;
process.stdout.write(`Almanac studio (dev) for ${session.ws.root}\nOpen ${local}#token=${bridge.token}\n`);

const stop = async () => {
  await server.close();
  await bridge.close();
  await session.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
