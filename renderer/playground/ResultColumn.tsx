import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HighlightedSearchResponse, SearchNotice, SearchResult } from '../../main/api/index.js';
import { call } from '../api/client';
import { showError } from '../stores/useToastStore';
import { useIndexStore } from '../stores/useIndexStore';
import { useLocales } from '../stores/useWorkspaceStore';
import { useLibraryStore } from '../stores/useLibraryStore';
import { FilterSelect } from '../shell/FilterSelect';
import { markedRuns } from './markedRuns';

type Mode = 'hybrid' | 'vector' | 'lexical';

const noticeContext = (notice: SearchNotice) =>
  notice.code === 'NO_MODEL' && notice.params.modelDir ? 'dir' : undefined;

interface Props {
  query: string;
  /** Bumped to search again with the same query (e.g. after the index changed). */
  tick: number;
  initialMode: Mode;
  onOpen: (result: SearchResult) => void;
}

export function ResultColumn({ query, tick, initialMode, onOpen }: Props) {
  const { t } = useTranslation();
  const locales = useLocales();
  const [chosen, setMode] = useState<Mode>(initialMode);
  // The index reports no model once loading it failed: vector and hybrid would silently run BM25.
  const noModel = useIndexStore((s) => s.status?.model === null && s.status.modelNotice !== undefined);
  const mode: Mode = noModel ? 'lexical' : chosen;
  const [locale, setLocale] = useState('');
  const [audience, setAudience] = useState('');
  const [tag, setTag] = useState('');
  const articles = useLibraryStore((s) => s.articles);
  const tags = useMemo(() => [...new Set(articles.flatMap((a) => a.tags))].sort(), [articles]);
  const [response, setResponse] = useState<HighlightedSearchResponse | null>(null);

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
        <select
          aria-label={t('playground.mode')}
          value={mode}
          title={noModel ? t('playground.needsModel') : undefined}
          onChange={(e) => setMode(e.target.value as Mode)}
        >
          {(['hybrid', 'vector', 'lexical'] as const).map((m) => {
            const off = noModel && m !== 'lexical';
            return (
              <option key={m} value={m} disabled={off} title={off ? t('playground.needsModel') : undefined}>
                {t(`playground.${m}`)}
              </option>
            );
          })}
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
      {shown?.notice && (
        <div className="banner warning" data-testid="search-notice">
          {t(`notice.${shown.notice.code}`, { ...shown.notice.params, context: noticeContext(shown.notice) })}
        </div>
      )}
      {!shown && <p className="muted">{t('playground.empty')}</p>}
      {shown && shown.results.length === 0 && <p className="muted">{t('playground.none')}</p>}
      <ol className="results">
        {shown?.results.map((r) => (
          <li key={r.chunkId} data-testid="search-result" data-locale={r.locale}>
            <button type="button" className="result" onClick={() => onOpen(r)} title={t('playground.open')}>
              <div className="result-head">
                <span className="result-title">{r.title}</span>
                {r.headings.length > 0 && <span className="result-path"> › {r.headings.join(' › ')}</span>}
                <span className="spacer" />
                <span className="locale">{r.locale}</span>
              </div>
              <p className="result-text">
                {markedRuns(r.snippet, r.highlights).map((run, i) =>
                  run.hit ? <mark key={i}>{run.text}</mark> : run.text,
                )}
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
