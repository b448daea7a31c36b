import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useEditorStore } from '../stores/useEditorStore';
import { useLibraryStore } from '../stores/useLibraryStore';
import { showError } from '../stores/useToastStore';
import { useLocales } from '../stores/useWorkspaceStore';
import { Dialog } from './Dialog';

export function NewArticleDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locales = useLocales(['en']);
  const [title, setTitle] = useState('');
  const [locale, setLocale] = useState(locales.includes(i18n.language) ? i18n.language : locales[0]!);
  const create = async () => {
    const res = await call('articles.create', { title, locale });
    if (!res.ok) return showError(res.error);
    useLibraryStore.getState().upsert(res.data);
    useEditorStore.getState().replace(res.data);
    onClose();
  };
  return (
    <Dialog title={t('newArticle.title')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) void create();
        }}
      >
        <label className="field">
          <span>{t('newArticle.name')}</span>
          <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('editor.locale')}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value)}>
            {locales.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('newArticle.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!title.trim()}>
            {t('newArticle.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
