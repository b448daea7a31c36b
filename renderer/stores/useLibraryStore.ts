import { create } from 'zustand';
import type { ArticleStatus, ArticleSummary } from '../../main/api/index.js';
import { call } from '../api/client';
import { showError } from './useToastStore';

export type SortKey = 'updated' | 'title' | 'status';

export interface LibraryFilters {
  locale: string;
  status: string;
  tag: string;
  owner: string;
}

const noFilters: LibraryFilters = { locale: '', status: '', tag: '', owner: '' };

interface LibraryState {
  articles: ArticleSummary[];
  loaded: boolean;
  query: string;
  /** Ids whose text matches the query (from the core), or null while no text search applies. */
  textHits: Set<string> | null;
  filters: LibraryFilters;
  sort: SortKey;
  load(): Promise<void>;
  setQuery(query: string): void;
  setFilter(key: keyof LibraryFilters, value: string): void;
  clearFilters(): void;
  setSort(sort: SortKey): void;
  upsert(article: ArticleSummary): void;
  /** Put many changed articles in at once (a bulk change), with one update. */
  upsertMany(articles: ArticleSummary[]): void;
  remove(id: string): void;
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchSeq = 0;

export const useLibraryStore = create<LibraryState>((set, get) => ({
  articles: [],
  loaded: false,
  query: '',
  textHits: null,
  filters: noFilters,
  sort: 'updated',
  async load() {
    const res = await call('articles.list', {});
    if (res.ok) set({ articles: res.data, loaded: true });
    else showError(res.error);
  },
  setQuery(query) {
    set({ query });
    clearTimeout(searchTimer);
    if (!query.trim()) {
      set({ textHits: null });
      return;
    }
    const seq = ++searchSeq;
    searchTimer = setTimeout(async () => {
      const res = await call('articles.search', { query, limit: 20000 });
      if (seq !== searchSeq || get().query !== query) return;
      if (res.ok) set({ textHits: new Set(res.data.map((h) => h.id)) });
    }, 150);
  },
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clearFilters: () => {
    set({ filters: noFilters });
    get().setQuery('');
  },
  setSort: (sort) => set({ sort }),
  upsert: (article) => get().upsertMany([article]),
  upsertMany: (changed) =>
    set((s) => {
      const articles = s.articles.slice();
      const at = new Map(articles.map((a, i) => [a.id, i]));
      for (const article of changed) {
        const summary: ArticleSummary = { ...article };
        delete (summary as Partial<{ body: string; meta: unknown }>).body;
        delete (summary as Partial<{ body: string; meta: unknown }>).meta;
        const i = at.get(article.id);
        if (i === undefined) at.set(article.id, articles.push(summary) - 1);
        else articles[i] = summary;
      }
      return { articles };
    }),
  remove: (id) => set((s) => ({ articles: s.articles.filter((a) => a.id !== id) })),
}));

// The core's `articleStatuses` order; the Record type makes a new status a compile error here.
const statusSet: Record<ArticleStatus, true> = {
  draft: true,
  'in-review': true,
  'changes-requested': true,
  approved: true,
  stale: true,
  archived: true,
  invalid: true,
};
/** Every status, in the order the core lists them (for the status filter). */
export const articleStatuses = Object.keys(statusSet) as ArticleStatus[];

const statusOrder: Record<ArticleStatus, number> = {
  invalid: 0,
  'changes-requested': 1,
  stale: 2,
  'in-review': 3,
  draft: 4,
  approved: 5,
  archived: 6,
};

/** The visible rows: title matches instantly, text matches once the core answers. */
export function visibleArticles(
  state: Pick<LibraryState, 'articles' | 'query' | 'textHits' | 'filters' | 'sort'>,
): ArticleSummary[] {
  const q = state.query.trim().toLowerCase();
  const { locale, status, tag, owner } = state.filters;
  const rows = state.articles.filter(
    (a) =>
      (!locale || a.locale === locale) &&
      (!status || a.status === status) &&
      (!tag || a.tags.includes(tag)) &&
      (!owner || a.owner === owner) &&
      (!q || a.title.toLowerCase().includes(q) || a.id.includes(q) || state.textHits?.has(a.id) === true),
  );
  const by: Record<SortKey, (a: ArticleSummary, b: ArticleSummary) => number> = {
    updated: (a, b) => b.updatedAt - a.updatedAt,
    title: (a, b) => a.title.localeCompare(b.title),
    status: (a, b) => statusOrder[a.status] - statusOrder[b.status] || a.title.localeCompare(b.title),
  };
  return rows.sort(by[state.sort]);
}
