import { can } from '../policy/index.js';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import type { ArticleStore } from '../articles/index.js';
import type { KnowledgeViews } from '../answer/index.js';
import { readAgentLog } from '../insights/index.js';
import { firstDayOf, loggedQuestions, replayQuestions } from '../replay/index.js';
import {
  agentCall,
  diffSnapshots,
  liveId,
  openStoredSnapshot,
  plannedSnapshot,
  publishLog,
  gatedPublish,
  readTargets,
  removeTarget,
  rollbackTarget,
  saveTarget,
  snapshotsDir,
  viewOfTargets,
  type SignedManifest,
} from '../publish/index.js';
import type { ReviewBook } from '../review/index.js';
import { signerFor, type KeyVault } from '../identity/index.js';
import type { PassageEmbedder, VectorStore } from '../indexing/index.js';
import type { Workspace } from '../workspace/index.js';
import type { AlmanacEvent, RouteName, Handlers } from './contract.js';

export interface PublishApiContext {
  ws: Workspace;
  store: ArticleStore;
  book: ReviewBook;
  vault: KeyVault;
  configDir?: string;
  /** The approved knowledge a replay answers from before a snapshot is built. */
  views: KnowledgeViews;
  emit?: (event: AlmanacEvent) => void;
  /** The embedding model and the workspace's vectors, when one is installed: snapshots then carry vectors. */
  semantic?: () => Promise<{ embedder: PassageEmbedder; vectors: VectorStore } | undefined>;
}

type PublishRoutes = Extract<RouteName, `publish.${string}`>;

function settingsFolder(configDir: string | undefined): string {
  if (!configDir)
    throw new AlmanacError('VALIDATION_FAILED', 'This studio has no settings folder for publish targets.');
  return configDir;
}

/** The saved target for a URL, with its token (NOT_FOUND when it was never saved). */
export async function targetFor(configDir: string | undefined, url: string): Promise<{ url: string; token: string }> {
  const target = (await readTargets(settingsFolder(configDir))).find((t) => t.url === url.replace(/\/+$/, ''));
  if (!target) throw new AlmanacError('NOT_FOUND', `No publish target ${url}: add it with its token first.`);
  if (!target.token) throw new AlmanacError('VALIDATION_FAILED', `The target ${url} has no token: set it first.`);
  return { url: target.url, token: target.token };
}

/** The snapshots built in this workspace, newest first. */
export async function builtSnapshots(store: ArticleStore): Promise<SignedManifest[]> {
  const dir = snapshotsDir(store);
  const out: SignedManifest[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const text = await readFile(path.join(dir, name, 'manifest.json'), 'utf8').catch(() => undefined);
    try {
      if (text) out.push(JSON.parse(text) as SignedManifest);
    } catch {
      // A damaged local copy is not a snapshot anyone can publish; building that state again replaces it.
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The customers' questions a target's agent logged since `since`, masked and de-duplicated. */
async function targetQuestions(target: { url: string; token: string }, since: string) {
  const { conversations, problems } = await readAgentLog(target, { since });
  return { questions: loggedQuestions(conversations, { since }), problems: problems.length };
}

/** Snapshots, targets, the compare against the live snapshot, replay, publish and rollback. */
export function publishHandlers(context: PublishApiContext): Pick<Handlers, PublishRoutes> {
  const { ws, store, book, vault, configDir, views, emit } = context;
  // A model that cannot load leaves snapshots lexical, as search is.
  const model = async () => {
    const semantic = await context.semantic?.().catch(() => undefined);
    return semantic && { embedder: semantic.embedder, reuseVectors: semantic.vectors };
  };
  const progress = (stage: 'build' | 'upload' | 'activate' | 'done', snapshot?: string) =>
    emit?.({ type: 'publish.progress', stage, snapshot });
  return {
    'publish.overview': async () => {
      const planned = await plannedSnapshot({ store, book, ...(await model()) }).then(
        (p) => ({
          id: p.id,
          articles: p.content.articles.length,
          leftOut: p.leftOut.map(({ id, title, audience }) => ({ id, title, audience })),
        }),
        (err: unknown) => ({ problem: (err as Error).message }),
      );
      const signer = await signerFor(ws, vault).catch(() => undefined);
      const targets = configDir
        ? await readTargets(configDir).then(
            (saved) => ({ targets: viewOfTargets(saved) }),
            (err: unknown) => ({ targets: [], targetsProblem: err instanceof Error ? err.message : String(err) }),
          )
        : { targets: [] };
      return {
        planned,
        built: (await builtSnapshots(store)).map((m) => ({
          id: m.id,
          createdAt: m.createdAt,
          createdBy: m.createdBy,
          articles: m.articles.length,
          parent: m.parent,
        })),
        ...targets,
        log: await publishLog(ws),
        canPublish: signer ? can(signer.member, 'snapshot.publish') : false,
      };
    },
    'publish.compare': async ({ url }) => {
      const planned = await plannedSnapshot({ store, book, ...(await model()) });
      const to = { id: planned.id, ...planned.content };
      if (!url) return { live: null, diff: diffSnapshots((await builtSnapshots(store))[0] ?? null, to) };
      const target = await targetFor(configDir, url);
      const status = await agentCall<{ active: string | null }>(target, '/v1/status');
      const live = status.active
        ? await agentCall<SignedManifest>(target, `/v1/snapshots/${status.active}/manifest`)
        : null;
      return { live: status.active, diff: diffSnapshots(live, to) };
    },
    'publish.setTarget': async (input) => viewOfTargets(await saveTarget(settingsFolder(configDir), input)),
    'publish.removeTarget': async ({ url }) => viewOfTargets(await removeTarget(settingsFolder(configDir), url)),
    'publish.agentStatus': async ({ url }) => agentCall(await targetFor(configDir, url), '/v1/status'),
    'publish.replay': async ({ url, days }) => {
      const target = await targetFor(configDir, url);
      const since = firstDayOf(days);
      const live = await liveId({ kind: 'url', ...target });
      if (!live) return { live: null, since, report: null, problems: 0 };
      const { questions, problems } = await targetQuestions(target, since);
      const semantic = await model();
      const opened = await openStoredSnapshot(store, live, { kind: 'url', ...target }, semantic?.embedder);
      try {
        const report = await replayQuestions(questions, opened.knowledge, await views.approved(), {
          onProgress: (done, total) => emit?.({ type: 'replay.progress', done, total }),
        });
        return { live, since, report, problems };
      } finally {
        opened.close();
      }
    },
    'publish.run': async ({ url, override, days }) => {
      const target = await targetFor(configDir, url);
      const signer = await signerFor(ws, vault);
      // The questions customers asked lately: a publish that stops handing off a sensitive one is held back.
      const { questions } = await targetQuestions(target, firstDayOf(days));
      const result = await gatedPublish({
        store,
        book,
        signer,
        target: { kind: 'url', ...target },
        installInFolder: () => {
          throw new AlmanacError('VALIDATION_FAILED', 'The studio publishes to agent URLs.');
        },
        override,
        questions,
        onReplayProgress: (done, total) => emit?.({ type: 'replay.progress', done, total }),
        ...(await model()),
        onStage: (stage) => progress(stage === 'gate' ? 'build' : stage),
      });
      progress('done', result.snapshot);
      emit?.({ type: 'review.changed', ids: [] });
      return result;
    },
    'publish.rollback': async ({ url, id }) => {
      const signer = await signerFor(ws, vault);
      const result = await rollbackTarget(ws, { kind: 'url', ...(await targetFor(configDir, url)) }, id, signer);
      emit?.({ type: 'review.changed', ids: [] });
      return result;
    },
  };
}
