import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openSession, startHttpBridge } from '../api/index.js';
import { AlmanacError } from '../AlmanacError.js';
import { emit } from './output.js';
import type { CliConfig } from './CliConfig.js';

export function registerWebCommand(program: Command, config: CliConfig): void {
  program
    .command('web <ws>')
    .description('serve the studio in a browser on 127.0.0.1 with a per-launch token')
    .option('--port <n>', 'port (0 picks a free one)', '4400')
    .option('--json', 'print {url, port, token} as one JSON line')
    .option('--model-dir <dir>', 'embedding model folder (default: ALMANAC_MODEL_DIR or resources/models)')
    .action(async (dir: string, opts: { port: string; json?: boolean; modelDir?: string }) => {
      if (!existsSync(path.join(config.rendererDir, 'index.html'))) {
        throw new AlmanacError(
          'NOT_FOUND',
          `The studio is not built (${config.rendererDir} is missing). Run: npm run build`,
        );
      }
      const session = await openSession(dir, { transport: 'http', modelDir: opts.modelDir ?? config.modelDir });
      const bridge = await startHttpBridge({
        handlers: session.handlers,
        rendererDir: config.rendererDir,
        port: Number(opts.port),
        subscribe: session.subscribe,
      });
      if (opts.json)
        process.stdout.write(`${JSON.stringify({ url: bridge.url, port: bridge.port, token: bridge.token })}\n`);
      else emit(opts, {}, () => `Almanac studio for ${session.ws.root}\nOpen ${bridge.url}\nPress Ctrl+C to stop.`);
      const stop = async () => {
        await bridge.close();
        await session.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
