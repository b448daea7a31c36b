import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadRecord } from '../../main/api/index.js';
import { fullDate, relativeTime } from '../library/relativeTime';
import { useReviewStore } from '../stores/useReviewStore';
import { useMemberName } from './useMemberName';

/** An article's review records, oldest first; records that fail their checks are shown as untrusted. */
export function RecordTimeline({ articleId, records }: { articleId: string; records: ReadRecord[] }) {
  const { t } = useTranslation();
  if (records.length === 0) return <p className="muted">{t('review.noRecords')}</p>;
  return (
    <ol className="record-timeline" data-testid="record-timeline">
      {records.map((r) => (
        <RecordItem key={r.id} articleId={articleId} record={r} />
      ))}
    </ol>
  );
}

function RecordItem({ articleId, record }: { articleId: string; record: ReadRecord }) {
  const { t, i18n } = useTranslation();
  const name = useMemberName();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const r = record.record;
  const time = r ? Date.parse(r.time) : NaN;
  const reply = async () => {
    const done = await useReviewStore.getState().act('review.comment', {
      id: articleId,
      note: text,
      ...(r ? { version: r.version } : {}),
      replyTo: record.id,
    });
    if (done) {
      setText('');
      setReplying(false);
    }
  };
  return (
    <li
      className={`record record-${r?.type ?? 'unknown'}${record.valid ? '' : ' invalid'}${r?.replyTo ? ' reply' : ''}`}
      data-testid="record"
      data-type={r?.type}
      data-valid={record.valid}
    >
      <div className="record-head">
        <strong>{r ? t(`review.record.${r.type}`) : t('review.record.unknown')}</strong>
        {r && <span>{name(r.author)}</span>}
        {!Number.isNaN(time) && (
          <span className="muted" title={fullDate(time, i18n.language)}>
            {relativeTime(time, i18n.language)}
          </span>
        )}
        {r && <code className="muted">#{r.version.slice(0, 7)}</code>}
      </div>
      {!record.valid && (
        <div className="record-invalid" role="note">
          {t('review.untrusted', { reason: record.invalid })}
        </div>
      )}
      {r?.replyTo && <div className="muted">{t('review.inReply')}</div>}
      {r?.anchor && <blockquote className="record-quote">{r.anchor.quote}</blockquote>}
      {r?.note && <p className="record-note">{r.note}</p>}
      {r?.reviewBy && <p className="muted">{t('review.reviewByUntil', { date: r.reviewBy })}</p>}
      {record.valid && (r?.type === 'comment' || r?.type === 'request-changes') && !replying && (
        <button type="button" className="link" onClick={() => setReplying(true)}>
          {t('review.reply')}
        </button>
      )}
      {replying && (
        <div className="compose">
          <textarea
            aria-label={t('review.replyLabel')}
            value={text}
            autoFocus
            onChange={(e) => setText(e.target.value)}
          />
          <div className="dialog-actions">
            <button type="button" onClick={() => setReplying(false)}>
              {t('review.cancel')}
            </button>
            <button type="button" className="primary" disabled={!text.trim()} onClick={() => void reply()}>
              {t('review.sendReply')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
