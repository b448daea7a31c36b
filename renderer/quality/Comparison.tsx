import { useTranslation } from 'react-i18next';
import type { RunComparison } from '../../main/api/index.js';
import { formatDelta, formatMetric } from './formatMetric';
import { useArticleTitle } from '../library/useArticleTitle';
import type { RunSummary } from './useGoldenRunStore';

type DeltaKey = keyof RunComparison['delta'];

const deltas: { key: DeltaKey; kind: 'share' | 'score'; value: (r: RunSummary) => number }[] = [
  { key: 'hitAtK', kind: 'share', value: (r) => r.metrics.hitAtK },
  { key: 'mrr', kind: 'score', value: (r) => r.metrics.mrr },
  { key: 'ndcg10', kind: 'score', value: (r) => r.metrics.ndcg10 },
  { key: 'handoffPrecision', kind: 'share', value: (r) => r.metrics.handoff.precision },
  { key: 'handoffRecall', kind: 'share', value: (r) => r.metrics.handoff.recall },
  { key: 'grounded', kind: 'share', value: (r) => r.metrics.grounded },
];

const verdictOrder = { worse: 0, better: 1, same: 2 };

/** Two runs side by side: how many questions got better or worse, the metric changes, and the articles edited between them. */
export function Comparison({
  comparison: c,
  runs,
  when,
}: {
  comparison: RunComparison;
  runs: RunSummary[];
  when: (time: string) => string;
}) {
  const { t } = useTranslation();
  const title = useArticleTitle();
  const before = runs.find((r) => r.id === c.before);
  const after = runs.find((r) => r.id === c.after);
  const k = after?.k ?? before?.k ?? 5;
  const label = (key: DeltaKey) =>
    key === 'hitAtK' ? t('quality.metrics.hitAtK', { k }) : t(`quality.metrics.${key}`);
  const side = (s: RunComparison['questions'][number]['before']) =>
    `${s.rank === null ? t('quality.compare.noRank') : t('quality.compare.rank', { rank: s.rank })} · ${
      s.handoffRight ? t('quality.compare.handoffRight') : t('quality.compare.handoffWrong')
    }`;
  const questions = [...c.questions].sort((a, b) => verdictOrder[a.verdict] - verdictOrder[b.verdict]);

  return (
    <div className="comparison" data-testid="comparison">
      <h3>
        {t('quality.compare.title', {
          before: before ? when(before.time) : c.before,
          after: after ? when(after.time) : c.after,
        })}
      </h3>
      <ul className="compare-counts" data-testid="compare-counts" aria-label={t('quality.compare.counts')}>
        {(['better', 'worse', 'same'] as const).map((v) => (
          <li key={v} className={`verdict-pill ${v}`} data-testid={`count-${v}`}>
            {t(`quality.compare.${v}`)} <strong>{c.counts[v]}</strong>
          </li>
        ))}
      </ul>
      <h4>{t('quality.compare.metrics')}</h4>
      <ul className="metric-cards" data-testid="compare-deltas">
        {deltas.map(({ key, kind, value }) => {
          const d = c.delta[key];
          const sign = Math.abs(d) < 1e-9 ? 'flat' : d > 0 ? 'up' : 'down';
          const figure = formatDelta(d, kind);
          return (
            <li key={key} className="metric-card" data-testid="delta" data-metric={key}>
              <span className="metric-label">{label(key)}</span>
              <span className={`metric-value delta-${sign}`}>
                {kind === 'share' ? t('quality.compare.points', { value: figure }) : figure}
              </span>
              {before && after && (
                <span className="metric-hint muted">
                  {formatMetric(value(before), kind)} → {formatMetric(value(after), kind)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <h4>{t('quality.compare.questions')}</h4>
      <table className="quality-table">
        <thead>
          <tr>
            <th>{t('quality.compare.verdict')}</th>
            <th>{t('quality.compare.question')}</th>
            <th>{t('quality.compare.before')}</th>
            <th>{t('quality.compare.after')}</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.id} data-testid="compare-question" data-verdict={q.verdict}>
              <td>
                <span className={`verdict-pill ${q.verdict}`}>{t(`quality.compare.${q.verdict}`)}</span>
              </td>
              <td>{q.question}</td>
              <td className="muted nowrap">{side(q.before)}</td>
              <td className="nowrap">{side(q.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('quality.compare.articles')}</h4>
      {c.articleChanges.length === 0 ? (
        <p className="muted">{t('quality.compare.noArticles')}</p>
      ) : (
        <ul className="article-changes" data-testid="article-changes">
          {c.articleChanges.map((a) => {
            const kind = !a.before ? 'added' : !a.after ? 'removed' : 'edited';
            return (
              <li key={a.id} title={a.id}>
                {title(a.id)} <span className={`badge change-${kind}`}>{t(`quality.compare.${kind}`)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
