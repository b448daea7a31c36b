import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapCluster } from '../../main/api/index.js';
import { useEditorStore } from '../stores/useEditorStore';
import { useLibraryStore } from '../stores/useLibraryStore';
import { useToastStore } from '../stores/useToastStore';
import { useInsightsStore } from './useInsightsStore';

/** The content gaps of the log: each a group of unanswered questions, with a button that drafts an article for it. */
export function GapList({ gaps, onOpenArticle }: { gaps: GapCluster[]; onOpenArticle: () => void }) {
  const { t } = useTranslation();
  const creating = useInsightsStore((s) => s.creating);
  const articles = useLibraryStore((s) => s.articles);
  const titles = useMemo(() => new Map(articles.map((a) => [a.id, a.title])), [articles]);

  const create = async (cluster: GapCluster) => {
    const article = await useInsightsStore.getState().createArticle(cluster);
    if (!article) return;
    useLibraryStore.getState().upsert(article);
    await useEditorStore.getState().open(article.id);
    onOpenArticle();
    useToastStore.getState().show('info', t('insights.gaps.created', { title: article.title }));
  };

  if (gaps.length === 0) return <p className="muted insights-empty">{t('insights.gaps.empty')}</p>;
  return (
    <ul className="insights-gaps" data-testid="gaps">
      {gaps.map((g) => (
        <li key={g.id} className="insights-gap" data-testid="gap">
          <div className="insights-gap-head">
            <h3>{g.label}</h3>
            <span className="count-badge">{t('insights.gaps.volume', { count: g.volume })}</span>
            <span className="muted small">
              {Object.entries(g.reasons)
                .map(([reason, n]) => `${t(`insights.gaps.reason.${reason}`, { defaultValue: reason })} ${n}`)
                .join(' · ')}
            </span>
            <span className="spacer" />
            <button type="button" className="primary" disabled={creating !== null} onClick={() => void create(g)}>
              {creating === g.id ? t('insights.gaps.creating') : t('insights.gaps.create')}
            </button>
          </div>
          <p className="muted small">{t('insights.gaps.examples')}</p>
          <ul className="insights-examples">
            {g.examples.slice(0, 5).map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
          {g.relatedArticles.length > 0 && (
            <p className="small">
              <span className="muted">{t('insights.gaps.related')}: </span>
              {g.relatedArticles.map((id) => titles.get(id) || id).join(', ')}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
