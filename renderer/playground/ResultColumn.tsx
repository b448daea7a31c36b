import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResponse, SearchResult } from '../../main/api/contract';
import { call } from '../api/client';
import { showError } from '../stores/useToastStore';
import { useWorkspaceStore } from '../stores/useWorkspaceStore';
import { useLibraryStore } from '../stores/useLibraryStore';
import { FilterSelect } from '../shell/FilterSelect';
import { highlightTerms } from './highlightTerms';

type Mode = 'hybrid' | 'vector' | 'lexical';

interface Props {
  query: string;
  /** Bumped to search again with the same query (e.g. after the index changed). */
  tick: number;
  initialMode: Mode;
  onOpen: (result: SearchResult) => void;
}

export function ResultColumn({ query, tick, initialMode, onOpen }: Props) {
  const { t } = useTranslation();
  const locales = useWorkspaceStore((s) => s.info?.locales ?? []);
  const [mode, setMode] = useState<Mode>(initialMode);
  const [locale, setLocale] = useState('');
  const [audience, setAudience] = useState('');
  const [tag, setTag] = useState('');
  const articles = useLibraryStore((s) => s.articles);
  const tags = useMemo(() => [...new Set(articles.flatMap((a) => a.tags))].sort(), [articles]);
  const [response, setResponse] = useState<SearchResponse | null>(null);

  useEffect(() => {
    if (!query.trim()) return;
    let stale = false;
    const filter = {
      ...(locale ? { locale } : {}),
      ...(audience ? { audience: audience as 'customer' } : {}),
      ...(tag ? { tags: [tag] } : {}),
    };
    void call('search.query', { query, k: 10, mode, filter }).then((res) => {
      if (stale) return;
      if (res.ok) setResponse(res.data);
      else showError(res.error);
    });
    return () => {
      stale = true;
    };
  }, [query, tick, mode, locale, audience, tag]);

  const shown = query.trim() ? response : null;
  return (
    <section className="result-column" data-testid="result-column">
      <div className="column-controls">
        <select aria-label={t('playground.mode')} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          {(['hybrid', 'vector', 'lexical'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`playground.${m}`)}
            </option>
          ))}
        </select>
        <FilterSelect
          label={t('library.filterLocale')}
          allLabel={t('playground.allLocales')}
          value={locale}
          options={locales}
          onChange={setLocale}
        />
        <FilterSelect
          label={t('editor.audience')}
          allLabel={t('playground.allAudiences')}
          value={audience}
          options={(['customer', 'agent', 'internal'] as const).map((a) => ({ value: a, label: t(`audience.${a}`) }))}
          onChange={setAudience}
        />
        <FilterSelect
          label={t('library.filterTag')}
          allLabel={t('library.allTags')}
          value={tag}
          options={tags}
          onChange={setTag}
        />
      </div>
      {shown?.notice && <div className="banner warning">{shown.notice}</div>}
      {!shown && <p className="muted">{t('playground.empty')}</p>}
      {shown && shown.results.length === 0 && <p className="muted">{t('playground.none')}</p>}
      <ol className="results">
        {shown?.results.map((r) => (
          <li key={r.chunkId} data-testid="search-result">
            <button type="button" className="result" onClick={() => onOpen(r)} title={t('playground.open')}>
              <div className="result-head">
                <span className="result-title">{r.title}</span>
                {r.headings.length > 0 && <span className="result-path"> › {r.headings.join(' › ')}</span>}
                <span className="spacer" />
                <span className="locale">{r.locale}</span>
              </div>
              <p className="result-text">
                {highlightTerms(r.text.length > 420 ? `${r.text.slice(0, 420)}…` : r.text, shown.terms)}
              </p>
              <div className="scores" data-testid="scores">
                <span className="score">
                  {r.explanation.fused !== undefined
                    ? `${t('playground.fused')} ${r.explanation.fused.toFixed(4)}`
                    : r.score.toFixed(3)}
                </span>
                {r.explanation.lexical && (
                  <span>
                    {t('playground.lexicalRank', {
                      rank: r.explanation.lexical.rank,
                      score: r.explanation.lexical.score.toFixed(2),
                    })}
                  </span>
                )}
                {r.explanation.vector && (
                  <span>
                    {t('playground.vectorRank', {
                      rank: r.explanation.vector.rank,
                      distance: r.explanation.vector.distance.toFixed(3),
                    })}
                  </span>
                )}
              </div>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
