import { useMemo } from 'react';
import { useLibraryStore } from '../stores/useLibraryStore';

/** An article's title by id, from the library list; the id itself for an article it does not hold. */
export function useArticleTitle(): (id: string) => string {
  const articles = useLibraryStore((s) => s.articles);
  const titles = useMemo(() => new Map(articles.map((a) => [a.id, a.title])), [articles]);
  return (id) => titles.get(id) || id;
}
