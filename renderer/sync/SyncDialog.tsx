import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../main/api/index.js';
import { Dialog } from '../shell/Dialog';
import { useSyncStore } from './useSyncStore';

/** Where to sync when no remote is saved, and the three-way view of conflicts until each is settled. */
export function SyncDialog() {
  const { t } = useTranslation();
  const { conflicts, remote, close } = useSyncStore();
  const [target, setTarget] = useState('');
  return (
    <Dialog title={conflicts.length ? t('sync.conflictsTitle') : t('sync.remoteTitle')} onClose={close} wide>
      {conflicts.length === 0 && !remote && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (target.trim())
              void useSyncStore
                .getState()
                .sync(target.trim())
                .then((r) => r && r.state !== 'conflicts' && close());
          }}
        >
          <p>{t('sync.remoteHelp')}</p>
          <input
            aria-label={t('sync.remoteLabel')}
            placeholder="/shared/support-kb.git"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            autoFocus
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={!target.trim()}>
              {t('sync.button')}
            </button>
          </div>
        </form>
      )}
      {conflicts.length === 0 && remote && (
        <div>
          <p>{t('sync.allResolved')}</p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() =>
                void useSyncStore
                  .getState()
                  .sync()
                  .then(() => close())
              }
            >
              {t('sync.button')}
            </button>
          </div>
        </div>
      )}
      {conflicts.map((c) => (
        <ConflictView key={c.path} conflict={c} />
      ))}
    </Dialog>
  );
}

function ConflictView({ conflict }: { conflict: SyncConflict }) {
  const { t } = useTranslation();
  const [text, setText] = useState(conflict.ours ?? conflict.theirs ?? '');
  const resolve = (value: string | null) => void useSyncStore.getState().resolve(conflict.path, value);
  const side = (label: string, value: string | null, testId: string) => (
    <div className="conflict-side">
      <h4>{label}</h4>
      <pre data-testid={testId}>{value ?? t('sync.deleted')}</pre>
    </div>
  );
  return (
    <section className="conflict" data-testid="conflict">
      <h3>{conflict.path}</h3>
      <div className="conflict-sides">
        {side(t('sync.base'), conflict.base, 'conflict-base')}
        {side(t('sync.mine'), conflict.ours, 'conflict-ours')}
        {side(t('sync.theirs'), conflict.theirs, 'conflict-theirs')}
      </div>
      <label>
        {t('sync.resolved')}
        <textarea aria-label={t('sync.resolved')} rows={8} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" onClick={() => resolve(conflict.ours)}>
          {t('sync.keepMine')}
        </button>
        <button type="button" onClick={() => resolve(conflict.theirs)}>
          {t('sync.takeTheirs')}
        </button>
        <button type="button" className="primary" onClick={() => resolve(text)}>
          {t('sync.useEdited')}
        </button>
      </div>
    </section>
  );
}
