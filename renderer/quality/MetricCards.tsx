import { useTranslation } from 'react-i18next';
import type { GoldenMetrics } from '../../main/api/index.js';
import { formatMetric } from './formatMetric';

/** A run's figures as cards: retrieval (Hit@k, MRR, nDCG@10), hand-off precision and recall, grounding and facts. */
export function MetricCards({ metrics }: { metrics: GoldenMetrics }) {
  const { t } = useTranslation();
  const { handoff: h, k } = metrics;
  const cards = [
    {
      key: 'hitAtK',
      label: t('quality.metrics.hitAtK', { k }),
      value: formatMetric(metrics.hitAtK, 'share'),
      hint: t('quality.metrics.hitAtKHint', { k }),
    },
    {
      key: 'mrr',
      label: t('quality.metrics.mrr'),
      value: formatMetric(metrics.mrr, 'score'),
      hint: t('quality.metrics.mrrHint'),
    },
    {
      key: 'ndcg10',
      label: t('quality.metrics.ndcg10'),
      value: formatMetric(metrics.ndcg10, 'score'),
      hint: t('quality.metrics.ndcg10Hint'),
    },
    {
      key: 'handoffPrecision',
      label: t('quality.metrics.handoffPrecision'),
      value: formatMetric(h.precision, 'share'),
      hint: t('quality.metrics.handoffPrecisionHint', { wrong: h.falsePositives }),
    },
    {
      key: 'handoffRecall',
      label: t('quality.metrics.handoffRecall'),
      value: formatMetric(h.recall, 'share'),
      hint: t('quality.metrics.handoffRecallHint', {
        caught: h.truePositives,
        total: h.truePositives + h.falseNegatives,
      }),
    },
    {
      key: 'grounded',
      label: t('quality.metrics.grounded'),
      value: formatMetric(metrics.grounded, 'share'),
      hint: t('quality.metrics.groundedHint'),
    },
    {
      key: 'facts',
      label: t('quality.metrics.facts'),
      value: metrics.facts === null ? t('quality.metrics.none') : formatMetric(metrics.facts, 'share'),
      hint: metrics.facts === null ? t('quality.metrics.noFacts') : t('quality.metrics.factsHint'),
    },
  ];
  return (
    <ul className="metric-cards" aria-label={t('quality.metrics.label')} data-testid="metric-cards">
      {cards.map((c) => (
        <li key={c.key} className="metric-card" data-testid="metric" data-metric={c.key}>
          <span className="metric-label">{c.label}</span>
          <span className="metric-value">{c.value}</span>
          <span className="metric-hint muted">{c.hint}</span>
        </li>
      ))}
    </ul>
  );
}
