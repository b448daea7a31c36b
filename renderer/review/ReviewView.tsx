import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relativeTime } from '../library/relativeTime';
import { useEditorStore } from '../stores/useEditorStore';
import { useIdentityStore } from '../stores/useIdentityStore';
import { useReviewStore } from '../stores/useReviewStore';
import { AttentionList } from './AttentionList';
import { QueueDetail, type ComposeMode } from './QueueDetail';
import { useMemberName } from './useMemberName';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The Review view: versions waiting for review (oldest first), and what needs the signed-in member. */
export function ReviewView({
  onOpenArticle,
  selectedId = null,
  onSelect,
}: {
  onOpenArticle: () => void;
  /** The article whose review is open (the URL's), else the oldest submission. */
  selectedId?: string | null;
  onSelect: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const name = useMemberName();
  const queue = useReviewStore((s) => s.queue);
  const attention = useReviewStore((s) => s.attention);
  const loaded = useReviewStore((s) => s.loaded);
  const signedIn = useIdentityStore((s) => !!s.identity.me);
  // The form open, and the article it was opened on: it never carries over to another article.
  const [composing, setComposing] = useState<{ id: string; mode: ComposeMode } | null>(null);
  const index = Math.max(
    0,
    queue.findIndex((q) => q.article.id === selectedId),
  );
  const selected = queue[index];
  const compose = composing && composing.id === selected?.article.id ? composing.mode : null;
  const setCompose = useCallback(
    (mode: ComposeMode | null) => setComposing(mode && selected ? { id: selected.article.id, mode } : null),
    [selected],
  );

  useEffect(() => void useReviewStore.getState().load(), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector('.overlay')) return;
      const move = (step: number) => {
        const next = queue[Math.min(queue.length - 1, Math.max(0, index + step))];
        if (next) onSelect(next.article.id);
        setCompose(null);
      };
      if (e.key === 'j') move(1);
      else if (e.key === 'k') move(-1);
      else if (selected && e.key === 'a') setCompose('approve');
      else if (selected && e.key === 'r') setCompose('changes');
      else if (selected && e.key === 'c') setCompose('comment');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [queue, index, selected, onSelect, setCompose]);

  const open = async (id: string) => {
    await useEditorStore.getState().open(id);
    onOpenArticle();
  };

  return (
    <div className="review-view" data-testid="review-view">
      <div className="review-sidebar">
        <section aria-label={t('review.queue')}>
          <h3>{t('review.queue')}</h3>
          {loaded && queue.length === 0 ? (
            <p className="muted" data-testid="queue-empty">
              {t('review.queueEmpty')}
            </p>
          ) : (
            <ul className="review-list" data-testid="queue">
              {queue.map((q) => (
                <li key={q.article.id}>
                  <button
                    type="button"
                    className="review-item"
                    data-testid="queue-item"
                    data-id={q.article.id}
                    aria-current={q === selected ? 'true' : undefined}
                    onClick={() => {
                      onSelect(q.article.id);
                      setCompose(null);
                    }}
                  >
                    <span className="row-title">{q.article.title}</span>
                    <span className="row-meta muted">
                      {name(q.submittedBy)} · {relativeTime(Date.parse(q.submittedAt), i18n.language)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {signedIn ? (
          <AttentionList items={attention} onOpen={(id) => void open(id)} />
        ) : (
          <p className="muted">{t('review.signInForAttention')}</p>
        )}
      </div>
      {selected ? (
        <QueueDetail key={selected.article.id} item={selected} compose={compose} setCompose={setCompose} />
      ) : (
        <div className="empty-state main-empty">{t('review.pickItem')}</div>
      )}
    </div>
  );
}
