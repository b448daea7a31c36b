import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportReviewError } from '../stores/useIdentityStore';
import { call } from '../api/client';
import { useEditorStore } from '../stores/useEditorStore';
import { useLibraryStore } from '../stores/useLibraryStore';
import { useToastStore } from '../stores/useToastStore';
import { Dialog } from '../shell/Dialog';

export function SaveVersionDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const { article, flush } = useEditorStore.getState();
    if (!article || !message.trim()) return;
    setBusy(true);
    if (!(await flush())) return setBusy(false);
    const res = await call('versions.commit', { ids: [article.id], message });
    setBusy(false);
    if (!res.ok) {
      if (res.error.code === 'NO_CHANGES') useToastStore.getState().show('info', t('version.nothingChanged'));
      else reportReviewError(res.error);
      return onClose();
    }
    useToastStore.getState().show('info', t('version.saved'));
    const fresh = await call('articles.get', { id: article.id });
    if (fresh.ok) useLibraryStore.getState().upsert(fresh.data);
    if (fresh.ok && useEditorStore.getState().saveState === 'saved') useEditorStore.setState({ article: fresh.data });
    onSaved();
    onClose();
  };
  return (
    <Dialog title={t('version.save')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>{t('version.message')}</span>
          <textarea
            autoFocus
            rows={3}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            aria-label={t('version.message')}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('version.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !message.trim()}>
            {t('version.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
