import { useEffect, useMemo, useState } from 'react';
import type { SearchHit } from '../../main/api/index.js';
import { call } from '../api/client';
import { useLibraryStore } from '../stores/useLibraryStore';
import { showError } from '../stores/useToastStore';

export interface ArticleLinkHit {
  id: string;
  title: string;
  snippet: string;
}

const searchDelay = 150;
/** A snippet without the Markdown marks that would show as clutter (headings, tables, emphasis). */
const plainSnippet = (snippet: string) =>
  snippet
    .replace(/[#*_`>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const maxHits = 8;

/**
 * Articles to link to whose title or text matches `query` (the core's `articles.search`, title
 * matches first), searched as the user types; `exclude` (the open article) and archived ones left out.
 */
export function useArticleLinkSearch(query: string, exclude?: string): { hits: ArticleLinkHit[]; searched: boolean } {
  const articles = useLibraryStore((s) => s.articles);
  const [found, setFound] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] });
  const wanted = query.trim();
  useEffect(() => {
    if (!wanted) return;
    let stale = false;
    const timer = setTimeout(() => {
      void call('articles.search', { query: wanted, limit: maxHits + 1 }).then((res) => {
        if (stale) return;
        if (!res.ok) showError(res.error);
        setFound({ query: wanted, hits: res.ok ? res.data : [] });
      });
    }, searchDelay);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [wanted]);
  const hits = useMemo(() => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    return found.hits
      .filter((h) => h.id !== exclude && byId.get(h.id)?.status !== 'archived')
      .slice(0, maxHits)
      .map((h) => ({ id: h.id, title: byId.get(h.id)?.title ?? h.id, snippet: plainSnippet(h.snippet) }));
  }, [articles, found, exclude]);
  return wanted ? { hits, searched: found.query === wanted } : { hits: [], searched: false };
}
