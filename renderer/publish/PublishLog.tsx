import { useTranslation } from 'react-i18next';
import { fullDate } from '../library/relativeTime';
import { useMemberName } from '../review/useMemberName';
import { targetLabel, usePublishStore } from './usePublishStore';

/** Every publish and rollback of this workspace, newest first. */
export function PublishLog() {
  const { t, i18n } = useTranslation();
  const name = useMemberName();
  const overview = usePublishStore((s) => s.overview);
  if (!overview) return null;

  return (
    <section className="view-section" data-testid="publish-log" aria-label={t('publish.log.title')}>
      <h2>{t('publish.log.title')}</h2>
      {overview.log.length === 0 ? (
        <p className="muted">{t('publish.log.empty')}</p>
      ) : (
        <table className="view-table">
          <thead>
            <tr>
              <th>{t('publish.log.time')}</th>
              <th>{t('publish.log.who')}</th>
              <th>{t('publish.log.action')}</th>
              <th>{t('publish.log.snapshot')}</th>
              <th>{t('publish.log.target')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.log.map((entry, i) => (
              <tr key={`${entry.time}-${i}`} data-testid="log-entry" data-action={entry.action}>
                <td>{fullDate(Date.parse(entry.time), i18n.language)}</td>
                <td>{entry.actor ? name(entry.actor) : t('publish.log.unknown')}</td>
                <td>
                  {entry.action === 'snapshot.rollback' ? t('publish.log.rollback') : t('publish.log.publish')}
                  {entry.override && (
                    <div className="muted small" data-testid="log-override">
                      {t('publish.log.override', { reason: entry.override })}
                    </div>
                  )}
                </td>
                <td className="mono">{entry.snapshot}</td>
                <td>{targetLabel(overview, entry.target)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
