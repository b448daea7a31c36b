import { useTranslation } from 'react-i18next';
import { MetricCards } from './MetricCards';
import { ResultsTable } from './ResultsTable';
import { runTime } from './runTime';
import { saveDraft } from './SetEditor';
import { useGoldenRunStore, type RunAgainst } from './useGoldenRunStore';
import { useGoldenSetStore } from './useGoldenSetStore';

const againstChoices: RunAgainst[] = ['drafts', 'approved'];

/** Run the set against working drafts or approved articles, then its metrics and every question's outcome. */
export function RunPanel() {
  const { t, i18n } = useTranslation();
  const name = useGoldenSetStore((s) => s.selected);
  const dirty = useGoldenSetStore((s) => s.dirty);
  const questions = useGoldenSetStore((s) => s.saved?.questions.length ?? 0);
  const against = useGoldenRunStore((s) => s.against);
  const k = useGoldenRunStore((s) => s.k);
  const run = useGoldenRunStore((s) => s.run);
  const running = useGoldenRunStore((s) => s.running !== null && s.running === name);
  const busy = useGoldenRunStore((s) => s.running !== null);
  const store = useGoldenRunStore.getState();

  return (
    <section className="quality-section" data-testid="run-panel" aria-label={t('quality.tabs.run')}>
      <div className="quality-actions">
        <span role="radiogroup" aria-label={t('quality.run.against')} className="segmented">
          <span className="muted">{t('quality.run.against')}</span>
          {againstChoices.map((a) => (
            <label key={a} className="inline-check">
              <input type="radio" name="quality-against" checked={against === a} onChange={() => store.setAgainst(a)} />
              {t(`quality.against.${a}`)}
            </label>
          ))}
        </span>
        <label className="inline-check">
          <span className="muted">{t('quality.run.k')}</span>
          <select value={k} onChange={(e) => store.setK(Number(e.target.value))}>
            {[1, 3, 5, 10].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={busy || questions === 0} onClick={() => void store.start()}>
          {t('quality.run.run')}
        </button>
        {running && (
          <span className="run-progress" role="status" data-testid="run-progress">
            <progress aria-label={t('quality.run.running', { count: questions })} />
            {t('quality.run.running', { count: questions })}
          </span>
        )}
      </div>
      {dirty && (
        <div className="banner warning">
          {t('quality.run.dirty')}
          <button type="button" onClick={() => void saveDraft()}>
            {t('quality.run.saveNow')}
          </button>
        </div>
      )}
      {questions === 0 && <p className="muted">{t('quality.run.noQuestions')}</p>}
      {run ? (
        <div aria-busy={running} className={running ? 'stale' : undefined}>
          <p className="muted" data-testid="run-summary">
            {t('quality.run.summary', {
              time: runTime(run.time, i18n.language),
              against:
                run.against === 'drafts' || run.against === 'approved'
                  ? t(`quality.against.${run.against}`)
                  : run.against,
              k: run.k,
            })}
          </p>
          <MetricCards metrics={run.metrics} />
          <ResultsTable key={run.id} run={run} />
        </div>
      ) : (
        questions > 0 && !running && <p className="muted">{t('quality.run.empty')}</p>
      )}
    </section>
  );
}
