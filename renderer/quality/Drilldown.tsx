import { useTranslation } from 'react-i18next';
import { TopicId } from '../answer/TopicId';
import type { QuestionOutcome } from '../../main/api/index.js';
import { useArticleTitle } from '../library/useArticleTitle';

/** One question of a run in full: what was expected, what retrieval ranked, what the agent said or why it handed off. */
export function Drilldown({ outcome: o, k }: { outcome: QuestionOutcome; k: number }) {
  const { t } = useTranslation();
  const title = useArticleTitle();
  const none = <span className="muted">{t('quality.drill.none')}</span>;
  return (
    <div className="drilldown" data-testid="drilldown">
      <p className="drill-question">{o.question}</p>
      <div className="drill-columns">
        <section data-testid="drill-expected">
          <h4>{t('quality.drill.expected')}</h4>
          <dl>
            <dt>{t('quality.drill.articles')}</dt>
            <dd>
              {o.expected.length
                ? o.expected.map((id) => (
                    <span key={id} className="quality-chip article" title={id}>
                      {title(id)}
                    </span>
                  ))
                : none}
            </dd>
            <dt>{t('quality.drill.handoff')}</dt>
            <dd>{o.expectedHandoff ? t('quality.drill.handoffYes') : t('quality.drill.handoffNo')}</dd>
            <dt>{t('quality.drill.facts')}</dt>
            <dd>
              {o.factsFound.length + o.factsMissing.length ? [...o.factsFound, ...o.factsMissing].join(' · ') : none}
            </dd>
          </dl>
        </section>
        <section data-testid="drill-retrieved">
          <h4>{t('quality.drill.retrieved')}</h4>
          {o.ranked.length === 0 ? (
            <p className="muted">{t('quality.drill.nothing')}</p>
          ) : (
            <ol className="drill-ranked">
              {o.ranked.map((id, i) => {
                const expected = o.expected.includes(id);
                return (
                  <li
                    key={id}
                    className={`${expected ? 'expected' : ''}${i >= k ? ' below-k' : ''}`}
                    data-testid="ranked-article"
                    data-expected={expected}
                    title={i >= k ? t('quality.drill.belowK', { k }) : id}
                  >
                    <span>{title(id)}</span>
                    {expected && <span className="badge expected-badge">{t('quality.drill.expectedMark')}</span>}
                    {o.cited.includes(id) && <span className="badge">{t('quality.drill.citedMark')}</span>}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      </div>
      <section data-testid="drill-answer">
        <h4>{t('quality.drill.answer')}</h4>
        {o.handoff !== null && (
          <div className="banner warning">
            <strong>
              {t('quality.drill.handedOff')} <TopicId topic={o.handoff} />
            </strong>
            {o.handoffReason && <span>{o.handoffReason}</span>}
          </div>
        )}
        {o.answer && <p className="drill-answer-text">{o.answer}</p>}
        {o.handoff === null && !o.grounded && <p className="quality-invalid">{t('quality.drill.notGrounded')}</p>}
        {o.factsFound.length > 0 && (
          <p>
            <strong>{t('quality.drill.factsFound')}:</strong>{' '}
            <span className="fact-found">{o.factsFound.join(' · ')}</span>
          </p>
        )}
        {o.factsMissing.length > 0 && (
          <p>
            <strong>{t('quality.drill.factsMissing')}:</strong>{' '}
            <span className="fact-missing">{o.factsMissing.join(' · ')}</span>
          </p>
        )}
        <p className="muted">{t('quality.drill.confidence', { value: o.confidence.toFixed(2) })}</p>
      </section>
    </div>
  );
}
