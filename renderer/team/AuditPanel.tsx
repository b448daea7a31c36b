import { useTranslation } from 'react-i18next';
import { fullDate } from '../library/relativeTime';
import { useMemberName } from '../review/useMemberName';
import { AuditVerdict } from './AuditVerdict';
import { useTeamStore } from './useTeamStore';

/** The audit log: whether its chain holds, and its entries newest first. */
export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const name = useMemberName();
  const verification = useTeamStore((s) => s.verification);
  const audit = useTeamStore((s) => s.audit);
  const brokenAt = verification?.firstBroken?.line;

  return (
    <section className="view-section" aria-label={t('team.audit.title')}>
      <div className="team-section-head">
        <h2>{t('team.audit.title')}</h2>
        <button type="button" onClick={() => void useTeamStore.getState().loadAudit()}>
          {t('team.audit.recheck')}
        </button>
      </div>
      {verification && <AuditVerdict verification={verification} />}
      {audit && audit.entries.length > 0 && (
        <>
          <p className="muted small">{t('team.audit.showing', { shown: audit.entries.length, total: audit.total })}</p>
          <table className="view-table" data-testid="audit-entries">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('team.audit.time')}</th>
                <th>{t('team.audit.who')}</th>
                <th>{t('team.audit.action')}</th>
                <th>{t('team.audit.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.entries.map((entry) => (
                <tr
                  key={entry.line}
                  data-testid="audit-entry"
                  data-action={entry.action}
                  className={brokenAt !== undefined && entry.line >= brokenAt ? 'untrusted' : undefined}
                >
                  <td className="muted mono">{entry.line}</td>
                  {entry.unreadable ? (
                    <td colSpan={4} className="muted">
                      {t('team.audit.unreadable')}
                    </td>
                  ) : (
                    <>
                      <td>{entry.time ? fullDate(Date.parse(entry.time), i18n.language) : ''}</td>
                      <td>
                        {entry.actor ? name(entry.actor) : <span className="muted">{t('team.audit.nobody')}</span>}
                      </td>
                      <td>
                        {t(`team.actions.${entry.action}`, { defaultValue: entry.action })}
                        {typeof entry.details?.note === 'string' && (
                          <div className="muted small audit-note">{entry.details.note}</div>
                        )}
                      </td>
                      <td className="mono small">{entry.subject}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {audit.entries.length < audit.total && (
            <button type="button" className="link" onClick={() => void useTeamStore.getState().more()}>
              {t('team.audit.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
