import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetView } from '../../main/api/index.js';
import { Dialog } from '../shell/Dialog';
import { useToastStore } from '../stores/useToastStore';
import { usePublishStore } from './usePublishStore';

/** Add a live agent or edit one: URL, name and token; a saved token is never shown back. */
export function TargetDialog({ target, onClose }: { target: TargetView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(target?.url ?? '');
  const [name, setName] = useState(target?.name ?? '');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    const saved = await usePublishStore
      .getState()
      .saveTarget({ url: url.trim(), name: name.trim(), token: token ? token : undefined });
    setBusy(false);
    if (!saved) return;
    useToastStore.getState().show('info', t('publish.dialog.saved'));
    onClose();
  };

  return (
    <Dialog title={target ? t('publish.dialog.editTitle') : t('publish.dialog.addTitle')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('publish.dialog.url')}</span>
          <input
            autoFocus={!target}
            type="url"
            value={url}
            readOnly={!!target}
            placeholder="http://127.0.0.1:8788"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('publish.dialog.name')}</span>
          <input
            autoFocus={!!target}
            value={name}
            placeholder={t('publish.dialog.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('publish.dialog.token')}</span>
          <input
            type="password"
            autoComplete="off"
            value={token}
            placeholder={target?.hasToken ? t('publish.dialog.tokenKeep') : t('publish.dialog.tokenNew')}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('publish.dialog.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !/^https?:\/\/./i.test(url.trim())}>
            {t('publish.dialog.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
