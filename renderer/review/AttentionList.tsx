import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionItem } from '../../main/api/index.js';
import { useReviewStore } from '../stores/useReviewStore';
import { useToastStore } from '../stores/useToastStore';
import { StatusBadge } from './StatusBadge';
import './review.css';

/** The reasons the status badge does not already say. */
const shownReasons = (item: AttentionItem) => item.reasons.filter((r) => r !== item.article.status);

/** The signed-in member's articles that need them, with why; stale ones can be re-verified together. */
export function AttentionList({ items, onOpen }: { items: AttentionItem[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const stale = items.filter((i) => i.reasons.includes('stale'));
  const chosen = stale.filter((i) => picked.has(i.article.id)).map((i) => i.article.id);

  const toggle = (id: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const reverify = async () => {
    setBusy(true);
    const results = await useReviewStore.getState().act('review.reverify', { ids: chosen });
    setBusy(false);
    if (!results) return;
    setPicked(new Set());
    const ok = results.filter((r) => r.ok).length;
    const failed = results.filter((r) => !r.ok);
    useToastStore.getState().show('info', t('review.reverified', { count: ok }));
    for (const f of failed) useToastStore.getState().show('error', `${f.id}: ${f.reason ?? ''}`);
  };

  return (
    <section className="attention" aria-label={t('review.attention')} data-testid="attention">
      <h3>{t('review.attention')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('review.attentionEmpty')}</p>
      ) : (
        <ul className="review-list">
          {items.map((item) => (
            <li key={item.article.id} data-testid="attention-item" data-id={item.article.id}>
              {item.reasons.includes('stale') && (
                <input
                  type="checkbox"
                  aria-label={t('review.pick', { title: item.article.title })}
                  checked={picked.has(item.article.id)}
                  onChange={() => toggle(item.article.id)}
                />
              )}
              <AttentionCard item={item} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
      {stale.length > 0 && (
        <button type="button" disabled={busy || chosen.length === 0} onClick={() => void reverify()}>
          {t('review.reverify', { count: chosen.length })}
        </button>
      )}
    </section>
  );
}

function AttentionCard({ item, onOpen }: { item: AttentionItem; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const reasons = shownReasons(item).map((r) => ({
    key: r,
    text: t(`review.reason.${r}`, {
      count: r === 'feedback' ? (item.feedback ?? 0) : (item.article.review?.openComments ?? 0),
    }),
  }));
  return (
    <button type="button" className="review-item attention-card" onClick={() => onOpen(item.article.id)}>
      <span className="row-title" title={item.article.title}>
        {item.article.title}
      </span>
      <span className="row-meta">
        <StatusBadge article={item.article} />
        {reasons.map((r) => (
          <span key={r.key} className="reason" title={r.text}>
            {r.text}
          </span>
        ))}
      </span>
    </button>
  );
}
