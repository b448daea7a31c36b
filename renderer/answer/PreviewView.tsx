import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { onEvent } from '../api/client';
import { ChatColumn } from './ChatColumn';
import { ProviderSettingsDialog } from './ProviderSettingsDialog';
import { isBusy, usePreviewStore, visibleColumns, type Provider } from './usePreviewStore';
import './preview.css';

const examples = ['How long does a refund take to reach my card?', '退款多久能到账？'];

/** Ask as a customer would and see the agent's answer: cited, checked, explained, and open to feedback. */
export function PreviewView({
  onOpenArticle,
  onEditProfile,
}: {
  onOpenArticle: () => void;
  onEditProfile: () => void;
}) {
  const { t } = useTranslation();
  const { compare, against, provider, chats, target } = usePreviewStore(
    useShallow((s) => ({
      compare: s.compare,
      against: s.against,
      provider: s.provider,
      chats: s.chats,
      target: s.target,
    })),
  );
  const columns = visibleColumns({ compare, against, target });
  const busy = columns.some((c) => isBusy(chats[c]));
  const count = columns.reduce((n, c) => n + chats[c].length, 0);
  const [draft, setDraft] = useState('');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void usePreviewStore.getState().loadSettings();
    void usePreviewStore.getState().loadTargets();
    return onEvent((event) => {
      if (event.type === 'answer.delta') usePreviewStore.getState().delta(event.streamId, event.text);
    });
  }, []);
  useEffect(() => {
    const el = scroller.current;
    if (el && count > 0) el.scrollTop = el.scrollHeight;
  }, [count]);

  const ask = (question: string) => {
    if (!question.trim() || busy) return;
    usePreviewStore.getState().ask(question);
    setDraft('');
  };
  const chooseProvider = (next: Provider) => {
    const { settings, setProvider } = usePreviewStore.getState();
    if (next === 'openai' && !settings?.baseUrl) return setSettingsOpen(true);
    setProvider(next);
  };

  return (
    <div className="preview">
      <div className="preview-toolbar">
        <label className="inline">
          <input
            type="checkbox"
            checked={compare}
            onChange={(e) => usePreviewStore.getState().setCompare(e.target.checked)}
          />{' '}
          {target ? t('preview.compareLive') : t('preview.compare')}
        </label>
        <select
          aria-label={t('preview.provider')}
          value={provider}
          onChange={(e) => chooseProvider(e.target.value as Provider)}
        >
          <option value="extractive">{t('preview.extractive')}</option>
          <option value="openai">{t('preview.openai')}</option>
        </select>
        <button type="button" onClick={() => setSettingsOpen(true)}>
          {t('preview.providerSettings')}
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => usePreviewStore.getState().reset()} disabled={count === 0}>
          {t('preview.newConversation')}
        </button>
        <button type="button" onClick={onEditProfile}>
          {t('preview.agentProfile')}
        </button>
      </div>
      <div className="preview-chats" ref={scroller}>
        <div className={`columns${columns.length === 3 ? ' three' : columns.length === 2 ? ' two' : ''}`}>
          {columns.map((c) => (
            <ChatColumn key={c} against={c} compare={compare} onOpenArticle={onOpenArticle} />
          ))}
        </div>
        {count === 0 && (
          <div className="empty-state preview-empty">
            <h3>{t('preview.emptyTitle')}</h3>
            <p>{t('preview.emptyBody')}</p>
            <div className="preview-examples">
              <span className="muted">{t('preview.examples')}</span>
              {examples.map((q) => (
                <button key={q} type="button" onClick={() => ask(q)}>
                  {q}
                </button>
              ))}
            </div>
          </div>
        )}
      </div>
      <form
        className="preview-composer"
        onSubmit={(e) => {
          e.preventDefault();
          ask(draft);
        }}
      >
        <textarea
          autoFocus
          rows={2}
          value={draft}
          aria-label={t('preview.question')}
          placeholder={t('preview.question')}
          title={t('preview.sendHint')}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
            e.preventDefault();
            ask(draft);
          }}
        />
        <button type="submit" className="primary" disabled={busy || !draft.trim()}>
          {t('preview.send')}
        </button>
      </form>
      {settingsOpen && <ProviderSettingsDialog onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
