import { EventEmitter } from 'node:events';
import { watchArticles, type ArticleStore } from '../articles/index.js';
import { reviewedStore } from '../review/index.js';
import { openWorkspace } from '../session/index.js';
import { type Workspace } from '../workspace/index.js';
import { IndexService } from '../indexing/index.js';
import type { KeyVault } from '../identity/index.js';
import type { AlmanacEvent } from './contract.js';
import { createHandlers, type Handlers } from './handlers.js';

export interface Session {
  ws: Workspace;
  store: ArticleStore;
  indexer: IndexService;
  handlers: Handlers;
  subscribe(listener: (event: AlmanacEvent) => void): () => void;
  close(): Promise<void>;
}

/** Open a workspace for the studio: handlers plus a stream of on-disk changes. */
export interface SessionOptions {
  transport: 'ipc' | 'http';
  /** A model folder, or a root of `<org>/<name>/` model folders; none means lexical search only. */
  modelDir?: string;
  /** Where members' private keys live on this machine. */
  vault: KeyVault;
  /** This user's settings folder (the answer provider's settings). */
  configDir?: string;
}

export async function openSession(
  dir: string,
  { transport, modelDir, vault, configDir }: SessionOptions,
): Promise<Session> {
  const ws = await openWorkspace(dir);
  const { store, book } = reviewedStore(ws);
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const emit = (event: AlmanacEvent) => events.emit('event', event);
  const indexer = new IndexService(store, {
    modelDir,
    modelId: ws.config.embedding?.model,
    onStatus: (status) => emit({ type: 'index.status', status }),
  });
  const stopWatching = watchArticles(ws, (ids) => {
    for (const id of ids) store.forget(id);
    emit({ type: 'articles.changed', ids });
    indexer.schedule();
  });
  indexer.schedule(0);
  const handlers = createHandlers({ ws, store, book, indexer, transport, modelDir, emit, vault, configDir });
  return {
    ws,
    store,
    indexer,
    handlers,
    subscribe(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    async close() {
      await stopWatching();
      await handlers.close();
      await indexer.close();
    },
  };
}
