import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../shell/Dialog';
import { useProfileStore } from './useProfileStore';

/** Ask what changed, then save the profile (if needed) and a version of it. */
export function ProfileVersionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!message.trim()) return;
    setBusy(true);
    await useProfileStore.getState().saveVersion(message.trim());
    setBusy(false);
    onClose();
  };
  return (
    <Dialog title={t('profile.versionDialog.title')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>{t('profile.versionDialog.message')}</span>
          <textarea autoFocus rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('profile.versionDialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !message.trim()}>
            {t('profile.versionDialog.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
