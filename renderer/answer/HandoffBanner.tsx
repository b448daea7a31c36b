import { useTranslation } from 'react-i18next';
import type { AnswerResult, Handoff } from '../../main/api/index.js';
import { TopicId } from './TopicId';

/** The profile topic behind a hand-off: an out-of-scope hand-off names it only in the trace's matches. */
function profileTopic(handoff: Handoff, trace: AnswerResult['trace']): string | undefined {
  if (handoff.kind === 'sensitive') return handoff.topic;
  if (handoff.kind === 'out-of-scope') return trace.intents[0]?.topic;
  return undefined;
}

/**
 * Why the agent handed off, in the reader's language: made from the hand-off's kind and topic, not from
 * the core's English reason, which the "Why?" trace shows.
 */
export function HandoffBanner({ handoff, result }: { handoff: Handoff; result: AnswerResult }) {
  const { t } = useTranslation();
  const { trace } = result;
  const topic = profileTopic(handoff, trace);
  const byModel = trace.modelIntent?.topic === handoff.topic && !trace.intents.some((i) => i.topic === handoff.topic);
  const explanation =
    handoff.kind === 'low-confidence'
      ? t('preview.handoff.lowConfidence', { confidence: result.confidence.toFixed(2), min: trace.minConfidence })
      : handoff.kind === 'out-of-scope'
        ? t('preview.handoff.outOfScope')
        : t(byModel ? 'preview.handoff.sensitiveByModel' : 'preview.handoff.sensitive');
  return (
    <div className="banner warning handoff" role="alert" data-testid="handoff" data-kind={handoff.kind}>
      <strong>{t('preview.handoff.title', { kind: t(`preview.handoff.kind.${handoff.kind}`) })}</strong>
      <span data-testid="handoff-explanation">
        {explanation}
        {topic && (
          <>
            {' '}
            <TopicId topic={topic} />
          </>
        )}
      </span>
      <span className="muted">{t('preview.confidence', { value: result.confidence.toFixed(2) })}</span>
    </div>
  );
}
