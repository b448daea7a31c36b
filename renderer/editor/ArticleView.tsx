import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { call } from '../api/client';
import { HistoryPanel } from '../history/HistoryPanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { StatusBadge } from '../review/StatusBadge';
import { useEditorStore } from '../stores/useEditorStore';
import { useLibraryStore } from '../stores/useLibraryStore';
import { showError, useToastStore } from '../stores/useToastStore';
import { FrontMatterForm } from './FrontMatterForm';
import { RichTextEditor } from './RichTextEditor';
import { SaveStateBadge } from './SaveStateBadge';
import { ArticleFeedback } from '../answer/ArticleFeedback';

export function ArticleView({
  onSaveVersion,
  historyOpen,
  setHistoryOpen,
  historyKey,
  compare,
  onCompare,
}: {
  onSaveVersion: () => void;
  historyOpen: boolean;
  setHistoryOpen: (open: boolean) => void;
  historyKey: number;
  /** The versions the history panel compares, from the URL. */
  compare?: { from: string; to: string };
  onCompare?: (from: string, to: string) => void;
}) {
  const { t } = useTranslation();
  const { article, meta, conflict, resolveConflict, replace } = useEditorStore(
    useShallow((s) => ({
      article: s.article,
      meta: s.meta,
      conflict: s.conflict,
      resolveConflict: s.resolveConflict,
      replace: s.replace,
    })),
  );
  const summary = useLibraryStore((s) => s.articles.find((a) => a.id === article?.id));
  const [busy, setBusy] = useState(false);
  const [reviewOpen, setReviewOpen] = useState(true);
  if (!article || !meta) return <div className="empty-state main-empty">{t('editor.nothingOpen')}</div>;

  const archive = async () => {
    setBusy(true);
    await useEditorStore.getState().flush();
    const res = await call('articles.archive', { id: article.id, archived: article.status !== 'archived' });
    setBusy(false);
    if (!res.ok) return showError(res.error);
    replace(res.data);
    useLibraryStore.getState().upsert(res.data);
  };
  const remove = async () => {
    if (!window.confirm(t('editor.confirmDelete', { title: meta.title }))) return;
    const res = await call('articles.delete', { id: article.id });
    if (!res.ok) return showError(res.error);
    useLibraryStore.getState().remove(article.id);
    const { meta: lastMeta, body } = useEditorStore.getState();
    useEditorStore.setState({ article: null, meta: null, body: '', saveState: 'saved' });
    useToastStore.getState().show('info', t('editor.deleted', { title: meta.title }), {
      label: t('editor.undo'),
      run: async () => {
        const restored = await call('articles.save', { id: article.id, meta: lastMeta ?? meta, body });
        if (!restored.ok) return showError(restored.error);
        useLibraryStore.getState().upsert(restored.data);
        useEditorStore.getState().replace(restored.data);
      },
    });
  };

  return (
    <div className="article-view">
      <main className="editor-pane">
        <header className="editor-header">
          <h1 className="editor-title">{meta.title || article.id}</h1>
          <StatusBadge article={summary ?? article} />
          <SaveStateBadge />
          <span className="spacer" />
          <button
            type="button"
            className="primary"
            onClick={onSaveVersion}
            title={`${t('editor.saveVersion')} (Ctrl+S)`}
          >
            {t('editor.saveVersion')}
          </button>
          {/* One side panel at a time, so the text keeps its width. */}
          <button
            type="button"
            aria-pressed={historyOpen}
            onClick={() => {
              setHistoryOpen(!historyOpen);
              setReviewOpen(false);
            }}
          >
            {t('editor.history')}
          </button>
          <button
            type="button"
            aria-pressed={reviewOpen}
            onClick={() => {
              setReviewOpen(!reviewOpen);
              setHistoryOpen(false);
            }}
          >
            {t('review.panel')}
          </button>
          <button type="button" disabled={busy} onClick={() => void archive()}>
            {article.status === 'archived' ? t('editor.unarchive') : t('editor.archive')}
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('editor.delete')}
          </button>
        </header>
        {conflict && (
          <div className="banner warning" role="alert">
            {t('editor.conflict')}
            <button type="button" onClick={() => void resolveConflict('disk')}>
              {t('editor.reload')}
            </button>
            <button type="button" onClick={() => void resolveConflict('mine')}>
              {t('editor.keepMine')}
            </button>
          </div>
        )}
        {article.problems && (
          <div className="banner error" role="alert">
            {t('editor.problems')}
            <ul>
              {article.problems.map((p, i) => (
                <li key={i}>
                  <code>{[p.file, p.field].filter(Boolean).join(': ')}</code> {p.message} {p.fix && <em>— {p.fix}</em>}
                </li>
              ))}
            </ul>
          </div>
        )}
        <ArticleFeedback articleId={article.id} />
        <FrontMatterForm />
        <RichTextEditor key={article.id} />
      </main>
      {reviewOpen && <ReviewPanel article={summary ?? article} onClose={() => setReviewOpen(false)} />}
      {historyOpen && (
        <HistoryPanel
          key={`${article.id}-${historyKey}`}
          articleId={article.id}
          onClose={() => setHistoryOpen(false)}
          compare={compare}
          onCompare={onCompare}
        />
      )}
    </div>
  );
}
