import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { fileKeyVault } from '../identity/index.js';
import { AlmanacError } from '../AlmanacError.js';
import { emit } from './output.js';
import type { CliConfig } from './CliConfig.js';

// Without --port, a busy 4400 moves on to 4401… so a second studio just works.
const spareDefaultPorts = 20;

export function registerWebCommand(program: Command, config: CliConfig): void {
  program
    .command('web <ws>')
    .description('serve the studio in a browser on 127.0.0.1 with a per-launch token')
    .option('--port <n>', 'port (0 picks a free one; without --port, the next free one from 4400)', '4400')
    .option('--json', 'print {url, port, token} as one JSON line')
    .option('--model-dir <dir>', 'embedding model folder (default: ALMANAC_MODEL_DIR or resources/models)')
    .action(async (dir: string, opts: { port: string; json?: boolean; modelDir?: string }, command: Command) => {
      const explicitPort = command.getOptionValueSource('port') === 'cli';
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new AlmanacError('VALIDATION_FAILED', `--port must be a number from 0 to 65535, not "${opts.port}".`);
      if (!existsSync(path.join(config.rendererDir, 'index.html'))) {
        throw new AlmanacError(
          'NOT_FOUND',
          `The studio is not built (${config.rendererDir} is missing). Run: npm run build`,
        );
      }
      const { openSession, startHttpBridge } = await import('../api/index.js');
      const session = await openSession(dir, {
        transport: 'http',
        modelDir: opts.modelDir ?? config.modelDir,
        vault: fileKeyVault(config.configDir),
        configDir: config.configDir,
      });
      const bridge = await startHttpBridge({
        handlers: session.handlers,
        rendererDir: config.rendererDir,
        port,
        nextPorts: explicitPort ? 0 : spareDefaultPorts,
        subscribe: session.subscribe,
      }).catch(async (err: unknown) => {
        await session.close();
        if (!(err instanceof AlmanacError) || err.code !== 'CONFLICT') throw err;
        const fix = explicitPort
          ? `Choose another with --port <n>, or --port 0 for any free port.`
          : `Pass --port <n>.`;
        throw new AlmanacError('CONFLICT', `${err.message} ${fix}`, err.details);
      });
      if (opts.json)
        process.stdout.write(`${JSON.stringify({ url: bridge.url, port: bridge.port, token: bridge.token })}\n`);
      else {
        const moved =
          port !== 0 && bridge.port !== port ? `Port ${port} is in use, so the studio took ${bridge.port}.\n` : '';
        emit(
          opts,
          {},
          () => `${moved}Almanac studio for ${session.ws.root}\nOpen ${bridge.url}\nPress Ctrl+C to stop.`,
        );
      }
      const stop = async () => {
        await bridge.close();
        await session.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
