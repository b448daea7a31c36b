import { useTranslation } from 'react-i18next';
import { useArticleTitle } from '../library/useArticleTitle';

/** What one knowledge answered to a question: a hand-off, or an answer with the articles it cites. */
export interface Outcome {
  answer: string;
  articleIds: string[];
  handoff: { topic: string; kind: string } | null;
  confidence: number;
}

/** One side of a side-by-side comparison: who answered, and what the customer gets from it. */
export function OutcomeCard({ heading, outcome, testId }: { heading: string; outcome: Outcome; testId: string }) {
  const { t } = useTranslation();
  const title = useArticleTitle();
  return (
    <section className="outcome-card" data-testid={testId}>
      <h4>{heading}</h4>
      {outcome.handoff ? (
        <p className="outcome-handoff" data-testid="outcome-handoff">
          {t('publish.replay.handoff', {
            kind: t(`publish.replay.handoffKind.${outcome.handoff.kind}`, { defaultValue: outcome.handoff.kind }),
          })}{' '}
          <code>{outcome.handoff.topic}</code>
        </p>
      ) : (
        <p className="outcome-answer">{outcome.answer || t('publish.replay.noAnswer')}</p>
      )}
      {outcome.articleIds.length > 0 && (
        <ul className="outcome-citations" aria-label={t('publish.replay.cites')}>
          {outcome.articleIds.map((id) => (
            <li key={id} data-testid="outcome-citation" data-article={id}>
              {title(id)}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t('publish.replay.confidence', { value: outcome.confidence.toFixed(2) })}</p>
    </section>
  );
}
