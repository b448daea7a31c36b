import { useTranslation } from 'react-i18next';

const example =
  '{"id":"q1","question":"How long does a refund take?","expected":["refund-policy"],"handoff":false,"facts":["5–10 business days"]}';

/** What a golden set is, its JSONL format, and the two ways to start one. */
export function EmptySets() {
  const { t } = useTranslation();
  return (
    <div className="quality-section quality-empty" data-testid="sets-empty">
      <h2>{t('quality.sets.emptyTitle')}</h2>
      <p>{t('quality.sets.emptyBody')}</p>
      <pre className="jsonl-example">{example}</pre>
      <p>{t('quality.sets.emptyHowTo')}</p>
    </div>
  );
}
