import { create } from 'zustand';
import type { Article, ArticleMeta } from '../../main/api/index.js';
import { call } from '../api/client';
import { useLibraryStore } from './useLibraryStore';
import { showError } from './useToastStore';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

interface EditorState {
  article: Article | null;
  meta: ArticleMeta | null;
  body: string;
  /** Bumped when the body is replaced from outside the editor (open, reload, restore). */
  revision: number;
  saveState: SaveState;
  conflict: Article | null;
  /** A passage to show (from the playground): highlighted and scrolled to once the article is open. */
  focus: { text: string; start: number; end: number } | null;
  open(id: string, focus?: EditorState['focus']): Promise<void>;
  close(): void;
  edit(patch: { meta?: Partial<ArticleMeta>; body?: string }): void;
  flush(): Promise<boolean>;
  resolveConflict(keep: 'disk' | 'mine'): Promise<void>;
  replace(article: Article): void;
  externalChange(ids: string[]): Promise<void>;
}

const autosaveDelay = 800;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | undefined;

export const useEditorStore = create<EditorState>((set, get) => {
  async function save(force = false): Promise<boolean> {
    const { article, meta, body, saveState } = get();
    if (!article || !meta || (saveState !== 'dirty' && saveState !== 'error')) return true;
    set({ saveState: 'saving' });
    const res = await call('articles.save', {
      id: article.id,
      meta,
      body,
      baseVersion: force ? undefined : article.version,
    });
    if (get().article?.id !== article.id) return res.ok;
    const changedMeanwhile = get().body !== body || get().meta !== meta;
    if (res.ok) {
      set({ article: res.data, saveState: changedMeanwhile ? 'dirty' : 'saved' });
      useLibraryStore.getState().upsert(res.data);
      if (changedMeanwhile) schedule();
      return true;
    }
    if (res.error.code === 'CONFLICT')
      set({ conflict: (res.error.details?.current as Article) ?? null, saveState: 'error' });
    else {
      set({ saveState: 'error' });
      showError(res.error);
    }
    return false;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void runSave(), autosaveDelay);
  }

  async function runSave(force = false): Promise<boolean> {
    clearTimeout(timer);
    while (inFlight) await inFlight;
    inFlight = save(force);
    try {
      return await inFlight;
    } finally {
      inFlight = undefined;
    }
  }

  return {
    article: null,
    meta: null,
    body: '',
    revision: 0,
    saveState: 'saved',
    conflict: null,
    focus: null,
    async open(id, focus = null) {
      set({ focus });
      if (get().article?.id === id) return;
      await get().flush();
      const res = await call('articles.get', { id });
      if (!res.ok) return showError(res.error);
      get().replace(res.data);
    },
    close() {
      void get().flush();
      set({ article: null, meta: null, body: '', conflict: null });
    },
    replace(article) {
      clearTimeout(timer);
      set((s) => ({
        article,
        meta: article.meta,
        body: article.body,
        revision: s.revision + 1,
        saveState: 'saved',
        conflict: null,
      }));
    },
    edit(patch) {
      if (!get().article) return;
      set((s) => ({
        meta: patch.meta && s.meta ? { ...s.meta, ...patch.meta } : s.meta,
        body: patch.body ?? s.body,
        saveState: 'dirty',
      }));
      schedule();
    },
    flush: () => runSave(),
    async resolveConflict(keep) {
      const { conflict } = get();
      if (keep === 'disk' && conflict) get().replace(conflict);
      else {
        set({ conflict: null, saveState: 'dirty' });
        await runSave(true);
      }
    },
    async externalChange(ids) {
      const { article, saveState } = get();
      if (!article || !ids.includes(article.id) || saveState !== 'saved' || inFlight) return;
      const res = await call('articles.get', { id: article.id });
      if (res.ok && res.data.version !== get().article?.version && get().saveState === 'saved') get().replace(res.data);
    },
  };
});

window.addEventListener('beforeunload', () => void useEditorStore.getState().flush());
