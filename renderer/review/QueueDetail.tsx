import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDiff, QueueItem } from '../../main/api/index.js';
import { call } from '../api/client';
import { DiffView } from '../history/DiffView';
import { fullDate, relativeTime } from '../library/relativeTime';
import { useReviewStore } from '../stores/useReviewStore';
import { showError, useToastStore } from '../stores/useToastStore';
import { passageAnchor, type PassageAnchor } from './passageAnchor';
import { RecordTimeline } from './RecordTimeline';
import { useMemberName } from './useMemberName';
import { useOwnVersion } from './useOwnVersion';
import { usePassageHighlights } from './usePassageHighlights';
import { VersionText } from './VersionText';

export type ComposeMode = 'approve' | 'changes' | 'comment';

const routeOf = {
  approve: 'review.approve',
  changes: 'review.requestChanges',
  comment: 'review.comment',
} as const;

/** One waiting version: its changes since the approved one (or its whole text), and the reviewer's actions. */
export function QueueDetail({
  item,
  compose,
  setCompose,
}: {
  item: QueueItem;
  compose: ComposeMode | null;
  setCompose: (mode: ComposeMode | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const name = useMemberName();
  const id = item.article.id;
  const [diff, setDiff] = useState<ArticleDiff | null>(null);
  const [anchor, setAnchor] = useState<PassageAnchor | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const records = useReviewStore((s) => s.records[id]);
  const own = useOwnVersion(item);
  const mode = own && compose !== 'comment' ? null : compose;
  const anchors = useMemo(
    () => (records?.records ?? []).flatMap((r) => (r.valid && r.record?.anchor ? [r.record.anchor] : [])),
    [records],
  );
  usePassageHighlights(textRef, anchors);

  useEffect(() => {
    let stale = false;
    void useReviewStore.getState().loadRecords(id);
    void call('versions.diff', { id, from: item.approvedVersion ?? item.version, to: item.version }).then((res) => {
      if (stale) return;
      if (res.ok) setDiff(res.data);
      else showError(res.error);
    });
    return () => {
      stale = true;
    };
  }, [id, item.version, item.approvedVersion]);

  const captureSelection = () => {
    if (textRef.current) setAnchor(passageAnchor(textRef.current, window.getSelection()));
  };

  const send = async (mode: ComposeMode, note: string) => {
    const input = {
      id,
      version: item.version,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(mode === 'comment' && anchor ? { anchor } : {}),
    };
    const done = await useReviewStore.getState().act(routeOf[mode], input as { id: string; note: string });
    if (!done) return;
    useToastStore.getState().show('info', t(`review.done.${mode}`));
    setCompose(null);
    if (mode === 'comment') setAnchor(null);
  };

  return (
    <section className="queue-detail" data-testid="queue-detail" aria-label={item.article.title}>
      <header>
        <h2>{item.article.title}</h2>
        <p className="muted">
          {t('review.submittedBy', { name: name(item.submittedBy) })} ·{' '}
          <span title={fullDate(Date.parse(item.submittedAt), i18n.language)}>
            {relativeTime(Date.parse(item.submittedAt), i18n.language)}
          </span>{' '}
          · <code>#{item.version.slice(0, 7)}</code> ·{' '}
          {item.approvedVersion
            ? t('review.changesSince', { version: item.approvedVersion.slice(0, 7) })
            : t('review.firstReview')}
        </p>
      </header>
      <div className="review-actions">
        {own ? (
          <span className="muted" data-testid="own-version">
            {t('review.ownVersion')}
          </span>
        ) : (
          <>
            <button type="button" className="primary" onClick={() => setCompose('approve')}>
              {t('review.approve')} <kbd>a</kbd>
            </button>
            <button type="button" onClick={() => setCompose('changes')}>
              {t('review.requestChanges')} <kbd>r</kbd>
            </button>
          </>
        )}
        <button type="button" onClick={() => setCompose('comment')}>
          {t('review.comment')} <kbd>c</kbd>
        </button>
        <span className="muted">{t('review.keys')}</span>
      </div>
      {mode && (
        <ComposeBox
          key={mode}
          mode={mode}
          quote={mode === 'comment' ? anchor?.quote : undefined}
          onSend={(note) => send(mode, note)}
          onCancel={() => setCompose(null)}
        />
      )}
      {anchor && mode !== 'comment' && (
        <button
          type="button"
          className="comment-passage"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setCompose('comment')}
        >
          {t('review.commentPassage')}
        </button>
      )}
      <div ref={textRef} className="review-text" onMouseUp={captureSelection} onKeyUp={captureSelection}>
        {!diff ? (
          <p className="muted">…</p>
        ) : item.approvedVersion ? (
          <DiffView diff={diff} />
        ) : (
          <VersionText diff={diff} />
        )}
      </div>
      <h4>{t('review.timeline')}</h4>
      {records && <RecordTimeline articleId={id} records={records.records} />}
    </section>
  );
}

function ComposeBox({
  mode,
  quote,
  onSend,
  onCancel,
}: {
  mode: ComposeMode;
  quote?: string;
  onSend: (note: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const needsNote = mode !== 'approve';
  const send = async () => {
    if (busy || (needsNote && !note.trim())) return;
    setBusy(true);
    await onSend(note);
    setBusy(false);
  };
  return (
    <div className="compose" data-testid="compose">
      <h4>{t(`review.compose.${mode}`)}</h4>
      {quote && <blockquote className="record-quote">{quote}</blockquote>}
      <textarea
        aria-label={t('review.note')}
        placeholder={t(needsNote ? 'review.noteRequired' : 'review.noteOptional')}
        value={note}
        autoFocus
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
        }}
      />
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('review.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || (needsNote && !note.trim())}
          onClick={() => void send()}
        >
          {t(`review.confirm.${mode}`)}
        </button>
      </div>
    </div>
  );
}
