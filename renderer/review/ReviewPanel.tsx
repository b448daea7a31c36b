import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../main/api/index.js';
import { fullDate, relativeTime } from '../library/relativeTime';
import { useEditorStore } from '../stores/useEditorStore';
import { useIdentityStore } from '../stores/useIdentityStore';
import { useReviewStore } from '../stores/useReviewStore';
import { useToastStore } from '../stores/useToastStore';
import { RecordTimeline } from './RecordTimeline';
import { StatusBadge } from './StatusBadge';
import { useMemberName } from './useMemberName';

/** An article's review: status, approved version, submit or withdraw, and the records timeline. */
export function ReviewPanel({ article, onClose }: { article: ArticleSummary; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const name = useMemberName();
  const view = useReviewStore((s) => s.records[article.id]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const waiting = article.status === 'in-review';
  const approved = article.review?.approved;
  const last = article.review?.last;
  const meId = useIdentityStore((s) => s.identity.me?.id);
  const submitter = waiting && last?.type === 'submit' && !!meId && last.author === meId;

  useEffect(() => void useReviewStore.getState().loadRecords(article.id), [article.id]);

  const run = useCallback(
    async (action: 'submit' | 'withdraw') => {
      setBusy(true);
      await useEditorStore.getState().flush();
      const done = await useReviewStore.getState().act(action === 'submit' ? 'review.submit' : 'review.withdraw', {
        id: article.id,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setBusy(false);
      if (!done) return;
      setNote('');
      useToastStore.getState().show('info', t(action === 'submit' ? 'review.submitted' : 'review.withdrawn'));
    },
    [article.id, note, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.key !== 'Enter' || waiting) return;
      e.preventDefault();
      void run('submit');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, waiting]);

  const when = (iso: string) => (
    <span title={fullDate(Date.parse(iso), i18n.language)}>{relativeTime(Date.parse(iso), i18n.language)}</span>
  );

  return (
    <aside className="review-panel" aria-label={t('review.panel')} data-testid="review-panel">
      <header>
        <h3>{t('review.panel')}</h3>
        <StatusBadge article={article} />
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label={t('review.closePanel')}>
          ×
        </button>
      </header>
      <dl className="review-facts">
        <dt>{t('review.approvedVersion')}</dt>
        <dd data-testid="approved-version">
          {approved ? (
            <>
              <code>#{approved.version.slice(0, 7)}</code> · {name(approved.author)} · {when(approved.time)}
              {article.review?.newerDraft && <div className="muted">{t('review.newerDraft')}</div>}
            </>
          ) : (
            <span className="muted">{t('review.neverApproved')}</span>
          )}
        </dd>
        {article.review?.reviewBy && (
          <>
            <dt>{t('editor.reviewBy')}</dt>
            <dd>{article.review.reviewBy}</dd>
          </>
        )}
        {waiting && last && (
          <>
            <dt>{t('review.waitingSince')}</dt>
            <dd>
              {name(last.author)} · {when(last.time)}
            </dd>
          </>
        )}
      </dl>
      {waiting
        ? submitter && (
            <button type="button" disabled={busy} onClick={() => void run('withdraw')}>
              {t('review.withdraw')}
            </button>
          )
        : article.status !== 'archived' && (
            <div className="compose">
              <textarea
                aria-label={t('review.submitNote')}
                placeholder={t('review.submitNote')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <button type="button" className="primary" disabled={busy} onClick={() => void run('submit')}>
                {t('review.submit')} <kbd>Ctrl Shift Enter</kbd>
              </button>
            </div>
          )}
      <h4>{t('review.timeline')}</h4>
      {view ? <RecordTimeline articleId={article.id} records={view.records} /> : <p className="muted">…</p>}
    </aside>
  );
}
