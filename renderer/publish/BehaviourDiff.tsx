import { useTranslation } from 'react-i18next';
import type { ReplayChange, ReplayChangeKind } from '../../main/api/index.js';
import { ReplayChangeDialog } from './ReplayChangeDialog';
import { useReplayStore } from './useReplayStore';

const kinds: ReplayChangeKind[] = ['no-longer-handed-off', 'newly-handed-off', 'different-article', 'different-answer'];
const periods = [1, 7, 30, 90];

/**
 * What this publish changes for real customers: the live agent's logged questions of a period,
 * answered by the live snapshot and by the planned knowledge, grouped by what changed; sensitive
 * questions that would no longer go to a person first. Each change opens both answers side by side.
 */
export function BehaviourDiff() {
  const { t } = useTranslation();
  const { target, days, view, loading, progress, open } = useReplayStore();
  if (!target) return null;
  const report = view?.report;
  const sensitive = report?.changes.filter((c) => c.sensitive) ?? [];

  return (
    <section className="view-section behaviour-diff" data-testid="behaviour-diff" aria-busy={loading}>
      <div className="section-head">
        <h2>{t('publish.replay.title')}</h2>
        <label className="inline-field">
          {t('publish.replay.period')}{' '}
          <select
            value={days}
            disabled={loading}
            onChange={(e) => void useReplayStore.getState().load(target, Number(e.target.value))}
          >
            {periods.map((d) => (
              <option key={d} value={d}>
                {t('publish.replay.days', { count: d })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {loading ? (
        <p className="muted" role="status" data-testid="replay-progress">
          {progress
            ? t('publish.replay.progress', { done: progress.done, total: progress.total })
            : t('publish.replay.reading')}
        </p>
      ) : !view ? null : !report ? (
        <p className="muted">{t('publish.replay.nothingLive')}</p>
      ) : report.questions === 0 ? (
        <p className="muted" data-testid="replay-summary">
          {t('publish.replay.noQuestions', { count: days })}
        </p>
      ) : (
        <>
          <p data-testid="replay-summary">
            {t('publish.replay.summary', {
              count: report.questions,
              period: t('publish.replay.days', { count: days }),
              changes: report.changes.length,
            })}
            {sensitive.length > 0 && (
              <strong className="replay-sensitive">
                {' '}
                {t('publish.replay.sensitive', { count: sensitive.length, question: sensitive[0]!.question })}
              </strong>
            )}
          </p>
          {view.problems > 0 && <p className="muted small">{t('publish.replay.problems', { count: view.problems })}</p>}
          {kinds
            .filter((kind) => report.counts[kind] > 0)
            .map((kind) => (
              <div key={kind} className="replay-group" data-testid="replay-group" data-kind={kind}>
                <h4>{t(`publish.replay.kind.${kind}`, { count: report.counts[kind] })}</h4>
                <ul>
                  {report.changes
                    .filter((c) => c.kind === kind)
                    .map((c) => (
                      <ChangeRow key={c.question} change={c} />
                    ))}
                </ul>
              </div>
            ))}
        </>
      )}
      {open && <ReplayChangeDialog change={open} onClose={() => useReplayStore.getState().show(null)} />}
    </section>
  );
}

function ChangeRow({ change }: { change: ReplayChange }) {
  const { t } = useTranslation();
  return (
    <li className={change.sensitive ? 'replay-change sensitive' : 'replay-change'}>
      <button
        type="button"
        className="link"
        data-testid="replay-change"
        title={change.question}
        onClick={() => useReplayStore.getState().show(change)}
      >
        {change.question}
      </button>
      <span className="muted small"> {t('publish.replay.asked', { count: change.count })}</span>
    </li>
  );
}
