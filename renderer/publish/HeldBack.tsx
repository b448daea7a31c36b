import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublishStore, type GateReport } from './usePublishStore';

/** The golden-set metrics that held a publish back, and a manager's way to publish anyway with a reason. */
export function HeldBack({
  gate,
  held,
  canPublish,
  running,
}: {
  gate: GateReport;
  held: string[];
  canPublish: boolean;
  running: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const fmt = (n: number) => n.toFixed(3);

  return (
    <div className="banner warning publish-gate" role="alert" data-testid="gate-report">
      {held.length > 0 && (
        <div data-testid="held-questions">
          <strong>{t('publish.gate.heldTitle', { count: held.length })}</strong>
          <ul>
            {held.map((q) => (
              <li key={q}>“{q}”</li>
            ))}
          </ul>
        </div>
      )}
      {!gate.passed && (
        <>
          <strong>{t('publish.gate.title')}</strong>
          <p className="muted small">{t('publish.gate.threshold', { threshold: gate.threshold })}</p>
        </>
      )}
      {gate.sets
        .filter((s) => s.drops.length > 0)
        .map((s) => (
          <div key={s.set} className="gate-set" data-testid="gate-set" data-set={s.set}>
            <h4>{t('publish.gate.set', { set: s.set })}</h4>
            <ul>
              {s.drops.map((d) => (
                <li key={d.metric} data-testid="gate-drop" data-metric={d.metric}>
                  {t(`publish.gate.metric.${d.metric}`)}:{' '}
                  <span className="mono">
                    {fmt(d.live)} → {fmt(d.next)}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      {canPublish && (
        <form
          className="gate-override"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) void usePublishStore.getState().publish(reason.trim());
          }}
        >
          <label htmlFor={reasonId}>{t('publish.gate.reason')}</label>
          <textarea
            id={reasonId}
            required
            rows={2}
            maxLength={2000}
            value={reason}
            placeholder={t('publish.gate.reasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
          />
          <div>
            <button type="submit" className="danger" disabled={!reason.trim() || running}>
              {t('publish.gate.override')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
