import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStore } from './useSyncStore';

/** Top bar: sync with the team's remote; shows waiting conflicts. */
export function SyncButton() {
  const { t } = useTranslation();
  const { conflicts, running, remote } = useSyncStore();
  useEffect(() => void useSyncStore.getState().load(), []);
  if (conflicts.length)
    return (
      <button
        type="button"
        className="sync conflicts"
        data-testid="sync"
        onClick={() => useSyncStore.getState().open()}
      >
        {t('sync.resolveButton', { count: conflicts.length })}
      </button>
    );
  return (
    <button
      type="button"
      className="sync"
      data-testid="sync"
      disabled={running}
      title={remote ? t('sync.with', { remote }) : t('sync.noRemote')}
      onClick={() => void useSyncStore.getState().sync()}
    >
      {running ? t('sync.running') : t('sync.button')}
    </button>
  );
}
