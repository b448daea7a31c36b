import { useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useEditorStore } from '../stores/useEditorStore';
import { useLibraryStore, visibleArticles } from '../stores/useLibraryStore';
import { ArticleRow } from './ArticleRow';
import { LibraryFilters } from './LibraryFilters';

export function LibraryPanel({ onNew }: { onNew: () => void }) {
  const { t } = useTranslation();
  const state = useLibraryStore(
    useShallow((s) => ({
      articles: s.articles,
      loaded: s.loaded,
      query: s.query,
      textHits: s.textHits,
      filters: s.filters,
      sort: s.sort,
    })),
  );
  const setQuery = useLibraryStore((s) => s.setQuery);
  const clearFilters = useLibraryStore((s) => s.clearFilters);
  const openId = useEditorStore((s) => s.article?.id);
  const open = useEditorStore((s) => s.open);
  const rows = useMemo(() => visibleArticles(state), [state]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 58,
    overscan: 8,
  });

  return (
    <aside className="library" aria-label={t('app.library')}>
      <div className="library-head">
        <input
          type="search"
          className="library-search"
          placeholder={t('library.search')}
          aria-label={t('library.search')}
          value={state.query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="primary" onClick={onNew}>
          + {t('library.newArticle')}
        </button>
      </div>
      <LibraryFilters />
      <div className="library-count" data-testid="library-count">
        {t('library.count', { count: rows.length })}
      </div>
      {state.loaded && state.articles.length === 0 ? (
        <div className="empty-state">
          <h3>{t('library.emptyTitle')}</h3>
          <p>{t('library.emptyBody')}</p>
          <button type="button" className="primary" onClick={onNew}>
            {t('library.newArticle')}
          </button>
        </div>
      ) : state.loaded && rows.length === 0 ? (
        <div className="empty-state">
          <p>{t('library.noResults')}</p>
          <button type="button" onClick={clearFilters}>
            {t('library.clearFilters')}
          </button>
        </div>
      ) : (
        <div ref={scroller} className="library-list" data-testid="library-list">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => (
              <div
                key={rows[item.index]!.id}
                className="row-slot"
                style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              >
                <ArticleRow
                  article={rows[item.index]!}
                  selected={rows[item.index]!.id === openId}
                  onOpen={(id) => void open(id)}
                />
              </div>
            ))}
          </div>
        </div>
      )}
    </aside>
  );
}
