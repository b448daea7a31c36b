import { AlmanacError } from '../AlmanacError.js';
import { bulkRestore, bulkUpdate, type ArticleStore } from '../articles/index.js';
import type { Workspace } from '../workspace/index.js';
import type { IndexService } from '../indexing/index.js';
import { searchArticles } from '../usecases/index.js';
import { checkModelFolder, installModelInto, modelStatus } from '../embedding/index.js';
import { commitArticles, listVersions, restoreVersion } from '../versions/index.js';
import { diffVersions } from '../articles/index.js';
import { routes, type AlmanacEvent, type Handlers, type Result, type RouteName } from './contract.js';
import { addAsset, readAsset } from '../assets/index.js';
import { ReviewBook } from '../review/index.js';
import { currentMemberId, demoMembers, savingAs, type KeyVault } from '../identity/index.js';
import { trustError, trustOf } from '../trust/index.js';
import { reviewHandlers } from './reviewHandlers.js';
import { syncHandlers } from './syncHandlers.js';
import { teamHandlers } from './teamHandlers.js';
import { answerHandlers } from './answerHandlers.js';
import { publishHandlers } from './publishHandlers.js';
import { evalHandlers } from './evalHandlers.js';
import { insightsHandlers } from './insightsHandlers.js';
import { customerPassages, knowledgeHealth } from '../health/index.js';
import { KnowledgeViews } from '../answer/index.js';
import { withHighlights } from './searchHighlights.js';

export interface ApiContext {
  ws: Workspace;
  store: ArticleStore;
  indexer: IndexService;
  transport?: 'ipc' | 'http';
  /** Where embedding models are installed and loaded from. */
  modelDir?: string;
  emit?: (event: AlmanacEvent) => void;
  /** Where this machine keeps members' private keys. */
  vault: KeyVault;
  /** The review records behind the store's statuses (made here when not given). */
  book?: ReviewBook;
  /** This user's settings folder: the answer provider's settings live there. */
  configDir?: string;
}

export type { Handlers };

/** The route table, and what it holds open (the approved-knowledge index). */
export type HandlerTable = Handlers & { close(): Promise<void> };

/** One thin handler per route: parse happened already, call the domain, return. */
export function createHandlers(context: ApiContext): HandlerTable {
  const { ws, store, indexer, transport, modelDir, emit, vault, configDir } = context;
  const book = context.book ?? new ReviewBook(ws);
  store.useReviews(book);
  // Versions are signed by the member signed in here; unsigned only before the workspace has a team.
  const author = (given?: string) => savingAs(ws, vault, given);
  const views = new KnowledgeViews({
    store,
    book,
    draftsIndex: () => indexer.chunkIndex(),
    semantic: () => indexer.semantic(),
  });
  return {
    close: () => views.close(),
    ...teamHandlers({ ws, store, book, vault, emit }),
    ...reviewHandlers({ ws, store, book, vault, emit }),
    ...syncHandlers({ ws, store, book, vault, emit }),
    ...answerHandlers({ ws, store, book, indexer, views, configDir, emit }),
    ...evalHandlers({ ws, store, views, semantic: () => indexer.semantic() }),
    ...insightsHandlers({ ws, store, configDir, views, semantic: () => indexer.semantic() }),
    'health.report': async () => knowledgeHealth(customerPassages(await (await indexer.chunkIndex()).rowsForVectors())),
    ...publishHandlers({ ws, store, book, vault, configDir, views, emit, semantic: () => indexer.semantic() }),
    'workspace.info': async () => {
      const trust = await trustOf(ws);
      return {
        root: ws.root,
        name: ws.config.name,
        locales: ws.config.locales,
        team: ws.config.team,
        demoMembers: demoMembers(ws.config.team),
        ...(trust.ok ? {} : { trustProblem: trustError(trust).message }),
        transport,
      };
    },
    'articles.list': () => store.list(),
    'articles.get': ({ id }) => store.get(id),
    'articles.search': ({ query, limit }) => store.search(query, limit),
    // A new article belongs to whoever is signed in here, unless the form names an owner.
    'articles.create': async (input) => store.create({ ...input, owner: input.owner || (await currentMemberId(ws)) }),
    'articles.save': ({ id, meta, body, baseVersion }) => store.save(id, { meta: { ...meta, id }, body, baseVersion }),
    'articles.archive': ({ id, archived }) => store.setArchived(id, archived),
    'articles.bulkUpdate': ({ ids, change }) => bulkUpdate(store, ids, change),
    'articles.bulkRestore': ({ articles }) => bulkRestore(store, articles),
    'articles.delete': async ({ id }) => {
      await store.remove(id);
      return { id };
    },
    'assets.read': ({ src }) => readAsset(ws, src),
    'assets.add': ({ articleId, name, data }) => addAsset(ws, articleId, name, Buffer.from(data, 'base64')),
    'versions.commit': async ({ ids, message, author: given }) => {
      const result = await commitArticles(ws, ids, message, await author(given));
      book.invalidate();
      store.touch();
      return result;
    },
    'versions.list': ({ id }) => listVersions(ws, id),
    'versions.diff': ({ id, from, to }) => diffVersions(ws, id, from, to),
    'versions.restore': async ({ id, version, author: given }) => {
      const result = await restoreVersion(ws, id, version, await author(given));
      book.invalidate(id);
      store.touch();
      return { ...result, article: await store.get(id) };
    },
    'index.status': async () => indexer.status,
    'index.refresh': async () => {
      await indexer.refresh();
      return indexer.status;
    },
    'search.query': async ({ query, k, mode, filter }) => {
      const source = { index: await indexer.chunkIndex(), semantic: await indexer.semantic(), modelDir };
      return withHighlights(await searchArticles(source, query, { k, mode, filter }));
    },
    'model.status': async () => modelStatus(modelDir, ws.config.embedding?.model),
    'model.install': async ({ id }) => {
      const location = await installModelInto(modelDir, id, (progress) => emit?.({ type: 'model.progress', progress }));
      await indexer.useModel(modelDir!);
      return location;
    },
    'model.useFolder': async ({ dir }) => {
      const location = checkModelFolder(dir);
      await indexer.useModel(location.dir);
      return location;
    },
  };
}

/** Validate the input, run the handler, and turn every outcome into a Result. Never rejects. */
export async function dispatch(handlers: Handlers, route: string, input: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(routes, route)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown route ${route}.` } };
  }
  const name = route as RouteName;
  const parsed = routes[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    return {
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; '),
        details: { problems },
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof AlmanacError) {
      return { ok: false, error: { code: err.code, message: err.message, details: err.details } };
    }
    console.error(`[almanac] ${route} failed:`, err);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `Something went wrong in ${route}: ${(err as Error).message}` },
    };
  }
}
