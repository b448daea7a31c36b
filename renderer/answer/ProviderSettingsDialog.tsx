import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Dialog } from '../shell/Dialog';
import { showError, useToastStore } from '../stores/useToastStore';
import { usePreviewStore } from './usePreviewStore';

/** Base URL, model and key of the OpenAI-compatible provider; the saved key is never shown back. */
export function ProviderSettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const settings = usePreviewStore((s) => s.settings);
  const [baseUrl, setBaseUrl] = useState(settings?.baseUrl ?? '');
  const [model, setModel] = useState(settings?.model ?? '');
  const [apiKey, setApiKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    const res = await call('answer.setProvider', {
      baseUrl,
      model,
      apiKey: apiKey ? apiKey : removeKey ? '' : undefined,
    });
    setBusy(false);
    if (!res.ok) return showError(res.error);
    const store = usePreviewStore.getState();
    store.setSettings(res.data);
    store.setProvider('openai');
    useToastStore.getState().show('info', t('preview.settings.saved'));
    onClose();
  };

  return (
    <Dialog title={t('preview.settings.title')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted">{t('preview.settings.intro')}</p>
        <label className="field">
          <span>{t('preview.settings.baseUrl')}</span>
          <input
            autoFocus
            type="url"
            value={baseUrl}
            placeholder="http://127.0.0.1:11434/v1"
            onChange={(e) => setBaseUrl(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('preview.settings.model')}</span>
          <input value={model} placeholder="qwen2.5:7b-instruct" onChange={(e) => setModel(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('preview.settings.apiKey')}</span>
          <input
            type="password"
            autoComplete="off"
            value={apiKey}
            placeholder={settings?.hasKey ? t('preview.settings.keySaved') : t('preview.settings.noKey')}
            onChange={(e) => setApiKey(e.target.value)}
          />
        </label>
        {settings?.hasKey && (
          <label className="inline">
            <input
              type="checkbox"
              checked={removeKey}
              disabled={apiKey !== ''}
              onChange={(e) => setRemoveKey(e.target.checked)}
            />{' '}
            {t('preview.settings.removeKey')}
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('preview.settings.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !baseUrl.trim() || !model.trim()}>
            {t('preview.settings.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
