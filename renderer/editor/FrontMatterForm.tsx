import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ArticleMeta } from '../../main/api/index.js';
import { useEditorStore } from '../stores/useEditorStore';
import { useWorkspaceStore } from '../stores/useWorkspaceStore';
import './editorTools.css';

const audiences: ArticleMeta['audience'][] = ['customer', 'agent', 'internal'];

export function FrontMatterForm() {
  const { t } = useTranslation();
  const { meta, edit } = useEditorStore(useShallow((s) => ({ meta: s.meta, edit: s.edit })));
  const info = useWorkspaceStore((s) => s.info);
  if (!meta) return null;
  const set = (patch: Partial<ArticleMeta>) => edit({ meta: patch });
  const locales = [...new Set([...(info?.locales ?? []), meta.locale])];
  return (
    <div className="front-matter">
      <label className="field title-field">
        <span>{t('editor.title')}</span>
        <input value={meta.title} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <label className="field summary-field">
        <span>{t('editor.summary')}</span>
        <input
          value={meta.summary ?? ''}
          maxLength={2000}
          placeholder={t('editor.summaryHint')}
          onChange={(e) => set({ summary: e.target.value || undefined })}
        />
      </label>
      <label className="field">
        <span>
          {t('editor.tags')} <small>({t('editor.tagsHint')})</small>
        </span>
        <input
          defaultValue={meta.tags.join(', ')}
          key={`${meta.id}-tags`}
          onChange={(e) =>
            set({
              tags: e.target.value
                .split(/[,，]/)
                .map((s) => s.trim())
                .filter(Boolean),
            })
          }
        />
      </label>
      <label className="field">
        <span>{t('editor.locale')}</span>
        <select value={meta.locale} onChange={(e) => set({ locale: e.target.value })}>
          {locales.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('editor.audience')}</span>
        <select value={meta.audience} onChange={(e) => set({ audience: e.target.value as ArticleMeta['audience'] })}>
          {audiences.map((a) => (
            <option key={a} value={a}>
              {t(`audience.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('editor.owner')}</span>
        <select value={meta.owner} onChange={(e) => set({ owner: e.target.value })}>
          <option value="">{t('editor.noOwner')}</option>
          {(info?.team ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
          {meta.owner && !info?.team.some((m) => m.id === meta.owner) && (
            <option value={meta.owner}>{meta.owner}</option>
          )}
        </select>
      </label>
      <label className="field">
        <span>{t('editor.reviewBy')}</span>
        <input
          type="date"
          value={meta.reviewBy ?? ''}
          onChange={(e) => set({ reviewBy: e.target.value || undefined })}
        />
      </label>
      <label className="field inline" title={t('editor.regulatedHelp')}>
        <input
          type="checkbox"
          checked={meta.regulated === true}
          onChange={(e) => set({ regulated: e.target.checked || undefined })}
        />{' '}
        <span>{t('editor.regulated')}</span>
      </label>
    </div>
  );
}
