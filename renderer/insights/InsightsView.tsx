import { useTranslation } from 'react-i18next';
import { ConversationList } from './ConversationList';
import { FigureCards } from './FigureCards';
import { GapList } from './GapList';
import { HealthPanel } from './HealthPanel';
import { InsightsTables } from './InsightsTables';
import { SourcePanel } from './SourcePanel';
import { TrendCharts } from './TrendCharts';
import { useInsightsStore, type InsightsTab } from './useInsightsStore';
import './insights.css';

const tabs: InsightsTab[] = ['dashboard', 'gaps', 'conversations', 'health'];

/** The Insights view: how the agent does on a conversation log, the content gaps it shows, and knowledge health. */
export function InsightsView({ onOpenArticle }: { onOpenArticle: () => void }) {
  const { t } = useTranslation();
  const tab = useInsightsStore((s) => s.tab);
  const data = useInsightsStore((s) => s.data);
  const source = useInsightsStore((s) => s.source);

  return (
    <div className="insights-view" data-testid="insights-view">
      <main className="view-main">
        <h1 className="view-title">{t('insights.title')}</h1>
        <p className="muted view-intro">{t('insights.intro')}</p>
        <div className="view-tabs" role="tablist" aria-label={t('insights.tabs.label')}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              onClick={() => useInsightsStore.getState().setTab(name)}
            >
              {t(`insights.tabs.${name}`)}
              {name === 'gaps' && data && data.gaps.length > 0 && (
                <span className="count-badge">{data.gaps.length}</span>
              )}
            </button>
          ))}
        </div>
        {tab === 'health' ? (
          <HealthPanel onOpenArticle={onOpenArticle} />
        ) : (
          <>
            <SourcePanel />
            {!data ? (
              <p className="muted insights-empty">{tab === 'gaps' ? t('insights.gaps.noLog') : t('insights.empty')}</p>
            ) : tab === 'conversations' ? (
              <ConversationList data={data} target={source && 'target' in source ? source.target : null} />
            ) : tab === 'gaps' ? (
              <>
                <p className="muted view-intro">{t('insights.gaps.intro')}</p>
                <GapList gaps={data.gaps} onOpenArticle={onOpenArticle} />
              </>
            ) : (
              <>
                <FigureCards report={data.report} />
                {data.report.byDay.length > 0 && <TrendCharts byDay={data.report.byDay} />}
                <InsightsTables report={data.report} />
              </>
            )}
          </>
        )}
      </main>
    </div>
  );
}
