import { useTranslation } from 'react-i18next';
import { relativeTime } from '../library/relativeTime';
import { useIndexStore } from '../stores/useIndexStore';

/** Chunks, model, vectors done / total, last update and progress: always in view. */
export function IndexStatusBar() {
  const { t, i18n } = useTranslation();
  const status = useIndexStore((s) => s.status);
  if (!status) return null;
  const busy = status.state === 'indexing' || status.state === 'embedding';
  return (
    <div
      className={`index-status ${status.state}`}
      data-testid="index-status"
      data-state={status.state}
      title={status.modelNotice ?? status.error ?? ''}
    >
      <span>{t('index.chunks', { count: status.chunks })}</span>
      <span>·</span>
      <span>{status.model ?? t('index.noModel')}</span>
      {status.model && (
        <span>
          · {t('index.vectors')} {status.vectorsDone}/{status.vectorsTotal}
        </span>
      )}
      {busy && status.progress && (
        <progress max={status.progress.total} value={status.progress.done} aria-label={t(`index.${status.state}`)} />
      )}
      {busy && <span>{t(`index.${status.state}`)}</span>}
      {status.state === 'error' && <span className="error">{t('index.error')}</span>}
      {!busy && status.lastUpdated && <span>· {relativeTime(status.lastUpdated, i18n.language)}</span>}
    </div>
  );
}
