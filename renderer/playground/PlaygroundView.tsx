import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../main/api/index.js';
import { useEditorStore } from '../stores/useEditorStore';
import { useIndexStore } from '../stores/useIndexStore';
import { ModelNotice } from '../model/ModelNotice';
import { ResultColumn } from './ResultColumn';

/** What would the agent retrieve? One query, one or two result columns with their own mode and filters. */
export function PlaygroundView({ onOpenArticle }: { onOpenArticle: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [compare, setCompare] = useState(false);
  const lastUpdated = useIndexStore((s) => s.status?.lastUpdated ?? 0);
  const vectorsDone = useIndexStore((s) => s.status?.vectorsDone ?? 0);
  const [searches, setSearches] = useState(0);
  const noModel = useIndexStore((s) => s.status?.model === null && s.status.modelNotice !== undefined);
  const tick = lastUpdated + vectorsDone + searches;
  useEffect(() => {
    const timer = setTimeout(() => setQuery(draft), 250);
    return () => clearTimeout(timer);
  }, [draft]);

  const open = (r: SearchResult) => {
    void useEditorStore.getState().open(r.articleId, { start: r.start, end: r.end, text: r.text });
    onOpenArticle();
  };

  return (
    <div className="playground">
      <form
        className="playground-query"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(draft);
          setSearches((n) => n + 1);
        }}
      >
        <input
          autoFocus
          type="search"
          placeholder={t('playground.query')}
          aria-label={t('playground.query')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('playground.search')}
        </button>
        <label className="inline">
          <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />{' '}
          {t('playground.compare')}
        </label>
      </form>
      {noModel && <ModelNotice />}
      <div className={`columns${compare ? ' two' : ''}`}>
        <ResultColumn query={query} tick={tick} initialMode="hybrid" onOpen={open} />
        {compare && <ResultColumn query={query} tick={tick} initialMode="lexical" onOpen={open} />}
      </div>
    </div>
  );
}
