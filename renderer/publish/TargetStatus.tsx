import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullDate } from '../library/relativeTime';
import { useMemberName } from '../review/useMemberName';
import { useToastStore } from '../stores/useToastStore';
import { ConfirmDialog } from './ConfirmDialog';
import { targetLabel, usePublishStore } from './usePublishStore';

/** The chosen agent's active snapshot and the snapshots it stores, each but the active one a rollback away. */
export function TargetStatus() {
  const { t, i18n } = useTranslation();
  const name = useMemberName();
  const overview = usePublishStore((s) => s.overview);
  const selected = usePublishStore((s) => s.selected);
  const status = usePublishStore((s) => s.status);
  const statusState = usePublishStore((s) => s.statusState);
  const [rollingBack, setRollingBack] = useState<string | null>(null);
  if (!overview || !selected) return null;
  const target = targetLabel(overview, selected);

  return (
    <section className="view-section" data-testid="target-status" aria-label={t('publish.status.title', { target })}>
      <h2>{t('publish.status.title', { target })}</h2>
      {statusState === 'loading' && !status && <p className="muted">{t('publish.status.loading')}</p>}
      {statusState === 'error' && <p className="banner warning">{t('publish.status.unreachable')}</p>}
      {status && (
        <>
          <p>
            {t('publish.status.active')}:{' '}
            <strong className="mono" data-testid="active-snapshot">
              {status.active ?? t('publish.status.none')}
            </strong>
          </p>
          {status.search && (
            <p className="muted small" data-testid="agent-search">
              {status.search.mode === 'hybrid'
                ? t('publish.status.hybrid', { model: status.search.model })
                : status.search.snapshotModel
                  ? t('publish.status.lexicalNoModel', { model: status.search.snapshotModel })
                  : t('publish.status.lexical')}
              {status.provider && ` · ${t('publish.status.provider', { provider: status.provider })}`}
            </p>
          )}
          {status.snapshots.length === 0 ? (
            <p className="muted">{t('publish.status.empty')}</p>
          ) : (
            <table className="view-table" data-testid="agent-snapshots">
              <thead>
                <tr>
                  <th>{t('publish.status.snapshot')}</th>
                  <th>{t('publish.status.created')}</th>
                  <th>{t('publish.status.by')}</th>
                  <th>{t('publish.status.articles')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {status.snapshots.map((s) => (
                  <tr key={s.id} data-testid="agent-snapshot" data-snapshot={s.id} data-active={s.active}>
                    <td className="mono">{s.id}</td>
                    <td>{fullDate(Date.parse(s.createdAt), i18n.language)}</td>
                    <td>{name(s.createdBy)}</td>
                    <td>{s.articles}</td>
                    <td>
                      {s.active ? (
                        <span className="badge live-badge">{t('publish.status.live')}</span>
                      ) : (
                        <button type="button" disabled={!overview.canPublish} onClick={() => setRollingBack(s.id)}>
                          {t(
                            status.active &&
                              Date.parse(s.createdAt) >
                                Date.parse(status.snapshots.find((x) => x.active)?.createdAt ?? '')
                              ? 'publish.status.forwardTo'
                              : 'publish.status.rollbackTo',
                            { id: s.id.slice(0, 8) },
                          )}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {rollingBack && (
        <ConfirmDialog
          title={t('publish.status.rollbackTitle')}
          body={t('publish.status.rollbackBody', { id: rollingBack, target })}
          confirm={t('publish.status.confirm')}
          onConfirm={async () => {
            const done = await usePublishStore.getState().rollback(rollingBack);
            if (done)
              useToastStore.getState().show('info', t('publish.status.rolledBack', { id: rollingBack, target }));
            return done;
          }}
          onClose={() => setRollingBack(null)}
        />
      )}
    </section>
  );
}
