import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useEditorStore } from '../stores/useEditorStore';
import { useLibraryStore, visibleArticles } from '../stores/useLibraryStore';
import { ArticleRow } from './ArticleRow';
import { LibraryFilters } from './LibraryFilters';
import { BulkBar } from './BulkBar';
import { useSelectionStore } from './useSelectionStore';
import './library.css';

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
  const rowIds = useMemo(() => rows.map((r) => r.id), [rows]);
  const checked = useSelectionStore((s) => s.checked);
  const { toggle, selectAll, clear, keepOnly } = useSelectionStore.getState();
  const picked = useMemo(() => rowIds.filter((id) => checked.has(id)), [rowIds, checked]);
  useEffect(() => keepOnly(rowIds), [rowIds, keepOnly]);
  const onCheck = useCallback((id: string, range: boolean) => toggle(id, rowIds, range), [rowIds, toggle]);
  const onListKey = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement && e.target.type !== 'checkbox') return;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      selectAll(rowIds);
    } else if (e.key === 'Escape' && picked.length > 0) {
      e.preventDefault();
      clear();
    }
  };
  const allPicked = rows.length > 0 && picked.length === rows.length;
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
      {picked.length > 0 && <BulkBar ids={picked} />}
      <div className="library-count-row">
        {rows.length > 0 && (
          <input
            type="checkbox"
            className="row-check"
            aria-label={t('library.bulk.pickAll')}
            title={t('library.bulk.pickAllHint')}
            checked={allPicked}
            ref={(el) => {
              if (el) el.indeterminate = picked.length > 0 && !allPicked;
            }}
            onChange={() => (allPicked ? clear() : selectAll(rowIds))}
          />
        )}
        <div className="library-count" data-testid="library-count">
          {t('library.count', { count: rows.length })}
        </div>
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
        <div
          ref={scroller}
          className="library-list"
          data-testid="library-list"
          tabIndex={-1}
          aria-label={t('library.list')}
          onKeyDown={onListKey}
        >
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
                  checked={checked.has(rows[item.index]!.id)}
                  onOpen={(id) => void open(id)}
                  onCheck={onCheck}
                />
              </div>
            ))}
          </div>
        </div>
      )}
    </aside>
  );
}
