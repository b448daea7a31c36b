import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoldenRun, QuestionOutcome } from '../../main/api/index.js';
import { Drilldown } from './Drilldown';
import { firstRelevantRank, outcomeRight } from './outcomeRight';
import { useArticleTitle } from '../library/useArticleTitle';

/** One row per question of a run: right or wrong, the first relevant rank and what happened; a click opens it in full. */
export function ResultsTable({ run }: { run: GoldenRun }) {
  const { t } = useTranslation();
  const title = useArticleTitle();
  const [open, setOpen] = useState<string | null>(null);
  const [onlyWrong, setOnlyWrong] = useState(false);
  const rows = run.outcomes.map((o) => ({ o, right: outcomeRight(o, run.k) }));
  const shown = onlyWrong ? rows.filter((r) => !r.right) : rows;

  const happened = (o: QuestionOutcome) =>
    o.handoff !== null
      ? t('quality.results.handedOff', { topic: o.handoff })
      : o.cited.length
        ? t('quality.results.answered', { articles: o.cited.map(title).join(', ') })
        : t('quality.results.answeredUncited');

  return (
    <section className="quality-section" aria-label={t('quality.results.title')}>
      <div className="quality-actions">
        <h3>{t('quality.results.title')}</h3>
        <span className="muted small">{t('quality.results.passHint', { k: run.k })}</span>
        <span className="spacer" />
        <label className="inline-check">
          <input type="checkbox" checked={onlyWrong} onChange={(e) => setOnlyWrong(e.target.checked)} />
          {t('quality.results.onlyWrong')}
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('quality.results.allRight')}</p>
      ) : (
        <table className="quality-table results-table" data-testid="results">
          <thead>
            <tr>
              <th className="center">✓/✗</th>
              <th>{t('quality.results.question')}</th>
              <th className="num">{t('quality.results.rank')}</th>
              <th>{t('quality.results.happened')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ o, right }) => {
              const expanded = open === o.id;
              const rank = firstRelevantRank(o);
              return (
                <Fragment key={o.id}>
                  <tr
                    className={`outcome${expanded ? ' expanded' : ''}`}
                    data-testid="outcome"
                    data-id={o.id}
                    data-right={right}
                    onClick={() => setOpen(expanded ? null : o.id)}
                  >
                    <td className={`center verdict ${right ? 'right' : 'wrong'}`}>
                      <span aria-label={right ? t('quality.results.right') : t('quality.results.wrong')}>
                        {right ? '✓' : '✗'}
                      </span>
                    </td>
                    <td>
                      <button type="button" className="link outcome-question" aria-expanded={expanded}>
                        {o.question}
                      </button>
                    </td>
                    <td className="num">{rank ?? '–'}</td>
                    <td className={o.handoff !== null ? 'handed-off' : undefined}>{happened(o)}</td>
                  </tr>
                  {expanded && (
                    <tr className="drill-row">
                      <td colSpan={4}>
                        <Drilldown outcome={o} k={run.k} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
