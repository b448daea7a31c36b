import { useTranslation } from 'react-i18next';
import type { InsightsReport } from '../../main/api/index.js';
import { csatText, money, percent } from './formatInsights';
import { useInsightsStore } from './useInsightsStore';

/** The headline figures: conversations, resolution, hand-offs, CSAT and what the agent saves. */
export function FigureCards({ report }: { report: InsightsReport }) {
  const { t, i18n } = useTranslation();
  const { roi } = report;
  const currency = useInsightsStore((s) => s.currency);
  const cards = [
    { key: 'conversations', label: t('insights.figures.conversations'), value: String(report.conversations) },
    {
      key: 'automated',
      label: t('insights.figures.automated'),
      value: percent(report.automatedResolution),
      hint: t('insights.figures.automatedHint'),
    },
    {
      key: 'assumed',
      label: t('insights.figures.assumed'),
      value: percent(report.assumedResolution),
      hint: t('insights.figures.assumedHint'),
    },
    {
      key: 'handoff',
      label: t('insights.figures.handoff'),
      value: percent(report.handoffRate),
      hint: t('insights.figures.handoffHint'),
    },
    {
      key: 'csat',
      label: t('insights.figures.csat'),
      value: csatText(report.csat),
      hint: t('insights.figures.csatHint', { count: report.rated }),
    },
    {
      key: 'savings',
      label: t('insights.figures.savings'),
      value: money(roi.savings, i18n.language, currency),
      hint: t('insights.figures.savingsHint', {
        withoutAgent: money(roi.withoutAgent, i18n.language, currency),
        withAgent: money(roi.withAgent, i18n.language, currency),
      }),
    },
    {
      key: 'return',
      label: t('insights.figures.returnOnAgent'),
      value: roi.returnOnAgent === null ? t('insights.figures.none') : `${roi.returnOnAgent.toFixed(1)}×`,
      hint: t('insights.figures.returnHint'),
    },
  ];
  if (report.providerFailures > 0)
    cards.push({
      key: 'providerFailures',
      label: t('insights.figures.providerFailures'),
      value: String(report.providerFailures),
      hint: t('insights.figures.providerFailuresHint'),
    });
  return (
    <ul className="insights-cards" aria-label={t('insights.figures.label')} data-testid="insights-figures">
      {cards.map((c) => (
        <li key={c.key} className="insights-card" data-testid="figure" data-figure={c.key}>
          <span className="insights-card-label">{c.label}</span>
          <span className="insights-card-value">{c.value}</span>
          {c.hint && <span className="insights-card-hint muted">{c.hint}</span>}
        </li>
      ))}
    </ul>
  );
}
