import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerFeedback } from '../../main/api/index.js';
import { call, onEvent } from '../api/client';
import { fullDate, relativeTime } from '../library/relativeTime';
import { showError } from '../stores/useToastStore';

/** Answer feedback still waiting on one article (a new version answers it); nothing when there is none. */
export function ArticleFeedback({ articleId }: { articleId: string }) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<{ id: string; items: AnswerFeedback[] }>({ id: '', items: [] });
  const [tick, setTick] = useState(0);

  useEffect(
    () =>
      onEvent((event) => {
        if (event.type === 'review.changed' || event.type === 'events.connected') setTick((n) => n + 1);
        if (event.type === 'articles.changed' && event.ids.includes(articleId)) setTick((n) => n + 1);
      }),
    [articleId],
  );
  useEffect(() => {
    let stale = false;
    void call('answer.feedbackFor', { id: articleId }).then((res) => {
      if (stale) return;
      if (res.ok) setLoaded({ id: articleId, items: res.data });
      else showError(res.error);
    });
    return () => {
      stale = true;
    };
  }, [articleId, tick]);

  const items = loaded.id === articleId ? loaded.items : [];
  if (items.length === 0) return null;
  return (
    <section className="article-feedback" data-testid="article-feedback">
      <h3>{t('preview.articleFeedback.title', { count: items.length })}</h3>
      <ul>
        {items.map((f) => {
          const time = Date.parse(f.time);
          return (
            <li key={f.id} className={f.helpful ? 'helpful' : 'not-helpful'}>
              <div className="record-head">
                <span className="verdict">
                  {f.helpful
                    ? `👍 ${t('preview.articleFeedback.helpful')}`
                    : `👎 ${t('preview.articleFeedback.notHelpful')}`}
                </span>
                {f.expectedArticleId === articleId && (
                  <span className="badge">{t('preview.articleFeedback.expected')}</span>
                )}
                <span className="spacer" />
                <span className="muted">{f.member ?? t('preview.articleFeedback.anonymous')}</span>
                <time className="muted" dateTime={f.time} title={fullDate(time, i18n.language)}>
                  {relativeTime(time, i18n.language)}
                </time>
              </div>
              <q className="feedback-question">{f.question}</q>
              {f.comment && <p className="feedback-comment">{f.comment}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
