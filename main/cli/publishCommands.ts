import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AlmanacError } from '../AlmanacError.js';
import { fileKeyVault, signerFor } from '../identity/index.js';
import type { PassageEmbedder, VectorStore } from '../indexing/index.js';
import type { CliConfig } from './CliConfig.js';
import { emit } from './output.js';
import type { LoggedQuestion } from '../replay/index.js';

interface IdentityFlags {
  as?: string;
  json?: boolean;
  modelDir?: string;
}

async function openForPublish(dir: string, opts: IdentityFlags, config: CliConfig) {
  const { openWorkspace } = await import('../session/index.js');
  const { reviewedStore } = await import('../review/index.js');
  const ws = await openWorkspace(dir);
  const { store, book } = reviewedStore(ws);
  const signer = await signerFor(ws, fileKeyVault(config.configDir), opts.as);
  return { ws, store, book, signer };
}

/**
 * Run `work` with the workspace's embedding model and vectors when a model is installed (the
 * snapshot then carries vectors, reused from the workspace where the text is the same), else without.
 */
async function withModel<T>(
  ctx: Awaited<ReturnType<typeof openForPublish>>,
  opts: IdentityFlags,
  config: CliConfig,
  work: (model: { embedder?: PassageEmbedder; reuseVectors?: VectorStore }) => Promise<T>,
): Promise<T> {
  const { indexDir, openRetrieval } = await import('../indexing/index.js');
  const retrieval = await openRetrieval(indexDir(ctx.store), {
    modelDir: opts.modelDir ?? config.modelDir,
    modelId: ctx.ws.config.embedding?.model,
  });
  try {
    const semantic = await retrieval.semantic();
    return await work('vectors' in semantic ? { embedder: semantic.embedder, reuseVectors: semantic.vectors } : {});
  } finally {
    await retrieval.close();
  }
}

/** Install a bundle into an agent data folder and make it active there; the id active before, if any. */
async function installInFolder(dataDir: string, bundle: string, trusted: string[]): Promise<string | null> {
  const { SnapshotStore } = await import('../agent/index.js');
  const store = await SnapshotStore.open(dataDir, trusted);
  const before = (await store.active())?.id ?? null;
  const { manifest } = await store.receive(bundle);
  await store.setActive(manifest.id);
  return before;
}

export function registerPublishCommands(program: Command, config: CliConfig): void {
  program
    .command('snapshot <ws>')
    .description('build a signed snapshot of the approved articles and agent profile (managers only); prints its id')
    .option('--as <member>', 'sign as this manager (default: the member signed in)')
    .option(
      '--model-dir <dir>',
      'embedding model folder: the snapshot carries vectors (default: ALMANAC_MODEL_DIR or resources/models)',
    )
    .option('--json', 'print the manifest')
    .action(async (dir: string, opts: IdentityFlags) => {
      const { buildSnapshot } = await import('../publish/index.js');
      const ctx = await openForPublish(dir, opts, config);
      const built = await withModel(ctx, opts, config, (model) => buildSnapshot({ ...ctx, ...model }));
      const m = built.manifest;
      emit(opts, { ...m, dir: built.dir, created: built.created }, () => m.id);
    });

  program
    .command('publish <ws>')
    .description('build (or reuse) the snapshot of the approved state and make it live on an agent or in a folder')
    .requiredOption('--to <target>', 'an agent URL (http://host:port) or an agent data folder')
    .option('--token <token>', 'the agent token (default: ALMANAC_AGENT_TOKEN)')
    .option('--as <member>', 'publish as this manager')
    .option('--override <reason>', 'publish even if the golden sets get worse; the reason goes to the audit log')
    .option('--threshold <n>', 'how far a golden-set metric may fall before the publish is held back', '0.02')
    .option(
      '--log <file|url>',
      "the live agent's URL (its own log, read with the token), logs folder or a conversations-*.jsonl file: its questions are replayed, and a publish that stops handing off a sensitive one is held back",
    )
    .option(
      '--since <day>',
      "first day whose logged questions are replayed (YYYY-MM-DD; default: the last 7 days of the agent's own log)",
    )
    .option(
      '--model-dir <dir>',
      'embedding model folder: the snapshot carries vectors (default: ALMANAC_MODEL_DIR or resources/models)',
    )
    .option('--json', 'print JSON')
    .action(
      async (
        dir: string,
        opts: IdentityFlags & {
          to: string;
          token?: string;
          override?: string;
          threshold: string;
          log?: string;
          since?: string;
        },
      ) => {
        const { gatedPublish, parseTarget } = await import('../publish/index.js');
        const target = parseTarget(opts.to, opts.token ?? config.agentToken, config.s3);
        const threshold = Number(opts.threshold);
        if (!(threshold >= 0 && threshold <= 1))
          throw new AlmanacError('VALIDATION_FAILED', '--threshold must be from 0 to 1.');
        if (opts.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since))
          throw new AlmanacError('VALIDATION_FAILED', '--since must be a day written YYYY-MM-DD.');
        // The customers' questions are replayed whenever a log is at hand: the one named, else the
        // agent's own (a running agent's, or the logs folder of an agent's data folder), last 7 days.
        let questions: LoggedQuestion[] | undefined;
        const source = opts.log ?? (target.kind === 'url' ? target.url : undefined);
        const ownLogs = target.kind === 'folder' ? path.join(target.dir, 'logs') : undefined;
        const folderLog = !opts.log && ownLogs && (await stat(ownLogs).catch(() => undefined))?.isDirectory();
        if (source || folderLog) {
          const { loadConversationsFrom } = await import('../insights/index.js');
          const { firstDayOf, loggedQuestions } = await import('../replay/index.js');
          const range = { since: opts.since ?? (opts.log ? undefined : firstDayOf(7)) };
          const log = await loadConversationsFrom(source ?? ownLogs!, opts.token ?? config.agentToken, range);
          questions = loggedQuestions(log.conversations, range);
        }
        const ctx = await openForPublish(dir, opts, config);
        const result = await withModel(ctx, opts, config, (model) =>
          gatedPublish({ ...ctx, ...model, target, installInFolder, override: opts.override, threshold, questions }),
        );
        const articles = result.gate.sets.length;
        const replayed = result.replay
          ? `; ${result.replay.questions} logged questions replayed, ${result.replay.changes.length} change${result.replay.changes.length === 1 ? '' : 's'}${result.replay.heldBack.length ? `, ${result.replay.heldBack.length} sensitive no longer handed off (overridden)` : ''}`
          : '';
        emit(
          opts,
          result,
          () =>
            `Published snapshot ${result.snapshot} to ${result.target} (golden sets checked: ${articles}${result.gate.passed ? '' : ', held back and overridden'}${replayed})` +
            (result.previous
              ? `; it replaces ${result.previous} (almanac rollback ${dir} --to ${opts.to} ${result.previous}).`
              : '.'),
        );
      },
    );

  program
    .command('rollback <ws> <snapshot>')
    .description('make an earlier snapshot active again on a running agent or in a bucket')
    .requiredOption('--to <target>', 'the agent URL, or s3://bucket/prefix')
    .option('--token <token>', 'the agent token (default: ALMANAC_AGENT_TOKEN)')
    .option('--as <member>', 'act as this manager')
    .option('--json', 'print JSON')
    .action(async (dir: string, snapshot: string, opts: IdentityFlags & { to: string; token?: string }) => {
      const { parseTarget, rollbackTarget } = await import('../publish/index.js');
      const target = parseTarget(opts.to, opts.token ?? config.agentToken, config.s3);
      if (target.kind === 'folder')
        throw new AlmanacError('VALIDATION_FAILED', '--to must be an agent URL or s3://bucket/prefix.');
      const ctx = await openForPublish(dir, opts, config);
      const result = await rollbackTarget(ctx.ws, target, snapshot, ctx.signer);
      emit(opts, result, () => `${opts.to} now serves snapshot ${result.active}.`);
    });

  const agent = program.command('agent').description('the live agent');
  agent
    .command('serve')
    .description('serve approved snapshots to customers: upload, activate, rollback, answer, OpenAI-compatible chat')
    .requiredOption('--data <dir>', 'the data folder (snapshots, active pointer, conversation logs)')
    .requiredOption(
      '--trust <file>',
      "publisher keys: a workspace's almanac.json (its managers), a JSON array or one key per line",
    )
    .option('--port <n>', 'port (0 picks a free one)', '4500')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--token <token>', 'bearer token (default: ALMANAC_AGENT_TOKEN, else a new random one)')
    .option('--model-dir <dir>', 'embedding model folder: hybrid search for snapshots built with that model')
    .option('--follow <bucket>', 'follow the active snapshot of s3://bucket/prefix (replicas)')
    .option('--provider <provider>', 'extractive | openai: who writes the answers', 'extractive')
    .option('--base-url <url>', 'openai: the server, up to /v1 (the key comes from ALMANAC_OPENAI_API_KEY)')
    .option('--model <name>', 'openai: the model name')
    .option('--json', 'print {url, port, token} as one JSON line once listening')
    .action(
      async (opts: {
        data: string;
        trust: string;
        port: string;
        host: string;
        token?: string;
        json?: boolean;
        modelDir?: string;
        follow?: string;
        provider: string;
        baseUrl?: string;
        model?: string;
      }) => {
        const { ConversationLog, LiveAgent, SnapshotStore, readTrustedKeys, startAgentServer } =
          await import('../agent/index.js');
        const path = await import('node:path');
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new AlmanacError('VALIDATION_FAILED', `--port must be a number from 0 to 65535, not "${opts.port}".`);
        if (opts.provider !== 'extractive' && opts.provider !== 'openai')
          throw new AlmanacError('VALIDATION_FAILED', '--provider must be one of extractive, openai.');
        if (opts.provider === 'openai' && (!opts.baseUrl || !opts.model))
          throw new AlmanacError(
            'VALIDATION_FAILED',
            '--provider openai needs --base-url (e.g. http://127.0.0.1:11434/v1) and --model; the key comes from ALMANAC_OPENAI_API_KEY or OPENAI_API_KEY.',
          );
        const { openAiProvider } = await import('../answer/index.js');
        const provider =
          opts.provider === 'openai'
            ? // A customer waits at most this long before the extractive answer stands in.
              openAiProvider({
                baseUrl: opts.baseUrl!,
                model: opts.model!,
                apiKey: config.openAiKey,
                timeoutMs: 30_000,
                idleTimeoutMs: 10_000,
              })
            : undefined;
        const store = await SnapshotStore.open(
          path.resolve(opts.data),
          await readTrustedKeys(opts.trust, (m) => process.stderr.write(`almanac agent: ${m}\n`)),
        );
        // An explicit model folder must load: an agent started for hybrid search never goes lexical silently.
        const embedder = opts.modelDir
          ? await (await import('../embedding/index.js')).loadEmbedder(path.resolve(opts.modelDir))
          : undefined;
        const live = new LiveAgent(store, embedder);
        const { id: resumed, skipped } = await live.resume();
        for (const s of skipped)
          process.stderr.write(`almanac agent: snapshot ${s.id} cannot be served (${s.reason}); skipped it.\n`);
        const server = await startAgentServer({
          agent: live,
          log: new ConversationLog(path.join(store.dataDir, 'logs')),
          token: opts.token ?? config.agentToken,
          port,
          host: opts.host,
          provider,
        });
        let followBucket: (() => void) | undefined;
        if (opts.follow) {
          const { BucketStore, parseBucketUrl } = await import('../publish/index.js');
          const { followBucket: followIt } = await import('../agent/index.js');
          const s3 = config.s3.credentials;
          if (!s3)
            throw new AlmanacError('VALIDATION_FAILED', '--follow needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.');
          const bucket = new BucketStore(parseBucketUrl(opts.follow, config.s3.endpoint, s3.region), s3);
          followBucket = followIt(bucket, live, { intervalMs: 1000 });
        }
        // Another process (a publish to this folder, a second replica) may move the active pointer.
        const follow = setInterval(() => {
          if (followBucket) return;
          void store
            .active()
            .then((state) => {
              if (state && state.id !== live.activeId) return live.activate(state.id);
            })
            .catch((err: unknown) =>
              console.error('[almanac agent] cannot follow the active snapshot:', (err as Error).message),
            );
        }, 2000);
        if (opts.json)
          process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, token: server.token })}\n`);
        else
          process.stdout.write(
            `Almanac agent on ${server.url} (data ${store.dataDir}); ${resumed ? `serving snapshot ${resumed}` : 'no snapshot yet: publish one'}.\nToken: ${server.token}\nPress Ctrl+C to stop.\n`,
          );
        const stop = async () => {
          clearInterval(follow);
          followBucket?.();
          await server.close();
          live.close();
          await embedder?.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
      },
    );
}
