import { useTranslation } from 'react-i18next';
import type { AnswerTrace } from '../../main/api/index.js';
import { TopicId } from './TopicId';

const ms = (n: number) => Math.round(n).toString();

/**
 * Why the agent answered as it did: what it searched, what it found, how sure it was, what it was told.
 * `reason` is the core's own account of a hand-off or an unsure answer, in English, as it decided.
 */
export function TracePanel({ trace, confidence, reason }: { trace: AnswerTrace; confidence: number; reason?: string }) {
  const { t } = useTranslation();
  const { timings } = trace;
  return (
    <section className="trace" data-testid="trace">
      <dl className="trace-facts">
        <dt>{t('preview.trace.query')}</dt>
        <dd>
          <q>{trace.query}</q>
          {trace.followUp && <span className="badge">{t('preview.trace.followUp')}</span>}
        </dd>
        <dt>{t('preview.trace.mode')}</dt>
        <dd data-testid="trace-mode">{t(`preview.trace.modes.${trace.mode}`, { defaultValue: trace.mode })}</dd>
        <dt>{t('preview.trace.against')}</dt>
        <dd>
          {t(`preview.${trace.against === 'snapshot' ? 'live' : trace.against === 'approved' ? 'approved' : 'drafts'}`)}
        </dd>
        <dt>{t('preview.trace.provider')}</dt>
        <dd data-testid="trace-provider">
          {trace.provider === 'extractive' ? t('preview.extractive') : trace.provider}
        </dd>
        <dt>{t('preview.trace.language')}</dt>
        <dd>{t(`preview.trace.languages.${trace.language}`)}</dd>
        {trace.profileVersion && (
          <>
            <dt>{t('preview.trace.profileVersion')}</dt>
            <dd className="mono">{trace.profileVersion.slice(0, 10)}</dd>
          </>
        )}
        <dt>{t('preview.trace.confidence')}</dt>
        <dd className={confidence < trace.minConfidence ? 'below' : undefined}>
          {t('preview.trace.confidenceVsMin', { confidence: confidence.toFixed(3), min: trace.minConfidence })}
        </dd>
        <dt>{t('preview.trace.intents')}</dt>
        <dd>
          {trace.intents.length === 0
            ? t('preview.trace.noIntents')
            : trace.intents.map((i) => (
                <div key={`${i.topic}-${i.evidence}`}>
                  <TopicId topic={i.topic} />{' '}
                  {t('preview.trace.intentBy', { by: t(`preview.trace.by.${i.by}`), evidence: i.evidence })}
                </div>
              ))}
        </dd>
        {trace.modelIntent && (
          <>
            <dt>{t('preview.trace.modelIntent')}</dt>
            <dd data-testid="trace-model-intent">
              {trace.modelIntent.problem ? (
                t('preview.trace.modelIntentProblem', { problem: trace.modelIntent.problem })
              ) : trace.modelIntent.topic ? (
                <>
                  <TopicId topic={trace.modelIntent.topic} />{' '}
                  {t('preview.trace.modelIntentTopic', { ms: ms(trace.modelIntent.ms) })}
                </>
              ) : (
                t('preview.trace.modelIntentNone', { ms: ms(trace.modelIntent.ms) })
              )}
            </dd>
          </>
        )}
        {reason && (
          <>
            <dt>{t('preview.trace.reason')}</dt>
            <dd lang="en" data-testid="trace-reason">
              {reason}
            </dd>
          </>
        )}
        <dt>{t('preview.trace.timings')}</dt>
        <dd>
          {t('preview.trace.timingsValue', {
            retrieve: ms(timings.retrieveMs),
            decide: ms(timings.decideMs),
            answer: ms(timings.answerMs),
            check: ms(timings.checkMs),
            total: ms(timings.totalMs),
          })}
        </dd>
      </dl>
      <h4>{t('preview.trace.chunks')}</h4>
      {trace.chunks.length === 0 ? (
        <p className="muted">{t('preview.trace.noChunks')}</p>
      ) : (
        <div className="trace-table-wrap">
          <table className="trace-chunks" data-testid="trace-chunks">
            <thead>
              <tr>
                <th>{t('preview.trace.rank')}</th>
                <th>{t('preview.trace.article')}</th>
                <th>{t('preview.trace.chunkTitle')}</th>
                <th>{t('preview.trace.score')}</th>
                <th>{t('preview.trace.coverage')}</th>
                <th>{t('preview.trace.matched')}</th>
                <th>{t('preview.trace.missing')}</th>
                <th>{t('preview.trace.cited')}</th>
              </tr>
            </thead>
            <tbody>
              {trace.chunks.map((c, i) => (
                <tr key={c.chunkId} className={c.cited ? 'cited' : undefined}>
                  <td>{i + 1}</td>
                  <td className="mono">{c.articleId}</td>
                  <td>{c.title}</td>
                  <td className="num">{c.score.toFixed(3)}</td>
                  <td className="num">{c.coverage.toFixed(2)}</td>
                  <td>{c.matched.join(', ')}</td>
                  <td className="muted">{c.missing.join(', ')}</td>
                  <td>{c.cited ? t('preview.trace.yes') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {trace.prompt && trace.prompt.length > 0 && (
        <details className="trace-prompt">
          <summary>{t('preview.trace.prompt', { count: trace.prompt.length })}</summary>
          {trace.prompt.map((m, i) => (
            <div key={i} className="prompt-message">
              <span className="turn-who">{m.role}</span>
              <pre>{m.content}</pre>
            </div>
          ))}
        </details>
      )}
    </section>
  );
}
