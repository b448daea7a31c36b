import { useCallback, useMemo } from 'react';
import { useLibraryStore } from '../stores/useLibraryStore';

/** A lookup from article id to its title in the library; the id itself for an article the library lacks. */
export function useArticleTitle(): (id: string) => string {
  const articles = useLibraryStore((s) => s.articles);
  const titles = useMemo(() => new Map(articles.map((a) => [a.id, a.title])), [articles]);
  return useCallback((id: string) => titles.get(id) || id, [titles]);
}
