import { useTranslation } from 'react-i18next';
import { Comparison } from './Comparison';
import { formatMetric } from './formatMetric';
import { runTime } from './runTime';
import { useGoldenRunStore } from './useGoldenRunStore';

/** The set's past runs, newest first: show one, or pick two and compare them. */
export function RunHistory({ onShow }: { onShow: () => void }) {
  const { t, i18n } = useTranslation();
  const runs = useGoldenRunStore((s) => s.runs);
  const picked = useGoldenRunStore((s) => s.picked);
  const comparison = useGoldenRunStore((s) => s.comparison);
  const store = useGoldenRunStore.getState();
  if (!runs) return <p className="muted">{t('quality.loading')}</p>;
  const when = (time: string) => runTime(time, i18n.language);
  const against = (a: string) => (a === 'drafts' || a === 'approved' ? t(`quality.against.${a}`) : a);

  return (
    <section className="quality-section" data-testid="run-history" aria-label={t('quality.history.title')}>
      {runs.length === 0 ? (
        <p className="muted" data-testid="history-empty">
          {t('quality.history.empty')}
        </p>
      ) : (
        <>
          <div className="quality-actions">
            <span className="muted">{t('quality.history.hint')}</span>
            <span className="spacer" />
            <button
              type="button"
              className="primary"
              disabled={picked.length !== 2}
              onClick={() => void store.compare()}
            >
              {t('quality.history.compare')}
            </button>
          </div>
          <table className="quality-table">
            <thead>
              <tr>
                <th className="center">{t('quality.history.pick')}</th>
                <th>{t('quality.history.time')}</th>
                <th>{t('quality.history.against')}</th>
                <th className="num">{t('quality.history.hitAtK')}</th>
                <th className="num">{t('quality.history.mrr')}</th>
                <th className="num">{t('quality.history.handoffRecall')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} data-testid="history-run" data-id={r.id}>
                  <td className="center">
                    <input
                      type="checkbox"
                      aria-label={t('quality.history.pickRun', { time: when(r.time) })}
                      checked={picked.includes(r.id)}
                      onChange={(e) => store.pick(r.id, e.target.checked)}
                    />
                  </td>
                  <td>{when(r.time)}</td>
                  <td>{against(r.against)}</td>
                  <td className="num">
                    {formatMetric(r.metrics.hitAtK, 'share')} <span className="muted small">@{r.k}</span>
                  </td>
                  <td className="num">{formatMetric(r.metrics.mrr, 'score')}</td>
                  <td className="num">{formatMetric(r.metrics.handoff.recall, 'share')}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        void store.show(r.id);
                        onShow();
                      }}
                    >
                      {t('quality.history.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {comparison && <Comparison comparison={comparison} runs={runs} when={when} />}
    </section>
  );
}
