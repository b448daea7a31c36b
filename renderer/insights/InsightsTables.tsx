import { useTranslation } from 'react-i18next';
import type { InsightsReport } from '../../main/api/index.js';
import { useArticleTitle } from '../library/useArticleTitle';
import { csatText, percent } from './formatInsights';

/** Figures by article, by article version (so an edit's effect shows), and hand-offs by topic. */
export function InsightsTables({ report }: { report: InsightsReport }) {
  const { t, i18n } = useTranslation();
  const title = useArticleTitle();
  return (
    <>
      <section className="view-section">
        <h2>{t('insights.tables.byArticle')}</h2>
        {report.byArticle.length === 0 ? (
          <p className="muted">{t('insights.tables.noArticles')}</p>
        ) : (
          <table className="insights-table" data-testid="by-article">
            <thead>
              <tr>
                <th>{t('insights.tables.article')}</th>
                <th className="num">{t('insights.tables.conversations')}</th>
                <th className="num">{t('insights.tables.resolved')}</th>
                <th className="num">{t('insights.tables.handoff')}</th>
                <th className="num">{t('insights.tables.csat')}</th>
              </tr>
            </thead>
            <tbody>
              {report.byArticle.map((a) => (
                <tr key={a.articleId}>
                  <td>{title(a.articleId)}</td>
                  <td className="num">{a.conversations}</td>
                  <td className="num">{percent(a.automatedResolution)}</td>
                  <td className="num">{percent(a.handoffRate)}</td>
                  <td className="num">{csatText(a.csat)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {report.byVersion.length > 0 && (
        <section className="view-section">
          <h2>{t('insights.tables.byVersion')}</h2>
          <p className="muted small">{t('insights.tables.byVersionHint')}</p>
          <table className="insights-table" data-testid="by-version">
            <thead>
              <tr>
                <th>{t('insights.tables.article')}</th>
                <th>{t('insights.tables.version')}</th>
                <th>{t('insights.tables.firstSeen')}</th>
                <th className="num">{t('insights.tables.conversations')}</th>
                <th className="num">{t('insights.tables.resolved')}</th>
                <th className="num">{t('insights.tables.csat')}</th>
              </tr>
            </thead>
            <tbody>
              {report.byVersion.map((v) => (
                <tr key={`${v.articleId}@${v.version}`}>
                  <td>{title(v.articleId)}</td>
                  <td className="mono">{v.version.slice(0, 7)}</td>
                  <td className="nowrap">{new Date(v.firstSeen).toLocaleString(i18n.language)}</td>
                  <td className="num">{v.conversations}</td>
                  <td className="num">{percent(v.automatedResolution)}</td>
                  <td className="num">{csatText(v.csat)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section className="view-section">
        <h2>{t('insights.tables.byTopic')}</h2>
        {report.byTopic.length === 0 ? (
          <p className="muted">{t('insights.tables.noTopics')}</p>
        ) : (
          <table className="insights-table" data-testid="by-topic">
            <thead>
              <tr>
                <th>{t('insights.tables.topic')}</th>
                <th className="num">{t('insights.tables.conversations')}</th>
              </tr>
            </thead>
            <tbody>
              {report.byTopic.map((topic) => (
                <tr key={topic.topic}>
                  <td className="mono">{topic.topic}</td>
                  <td className="num">{topic.conversations}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
