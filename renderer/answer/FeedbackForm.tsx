import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerResult } from '../../main/api/index.js';
import { call } from '../api/client';
import { useLibraryStore } from '../stores/useLibraryStore';
import { showError } from '../stores/useToastStore';
import { usePreviewStore, type Exchange } from './usePreviewStore';

/** Helpful or not, a comment and the article that should have answered: saved with the workspace for the authors. */
export function FeedbackForm({ exchange, result }: { exchange: Exchange; result: AnswerResult }) {
  const { t } = useTranslation();
  const [helpful, setHelpful] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [expected, setExpected] = useState('');
  const [busy, setBusy] = useState(false);
  const [handoffTo, setHandoffTo] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  // An unhelpful answer the agent gave itself may have been one a person should take.
  const mayHandOff = helpful === false && result.handoff?.kind !== 'sensitive';
  useEffect(() => {
    if (!mayHandOff || topics.length) return;
    let live = true;
    void call('profile.get', {}).then(
      (res) => live && res.ok && setTopics(res.data.profile?.meta.handoff.map((h) => h.topic) ?? []),
    );
    return () => {
      live = false;
    };
  }, [mayHandOff, topics.length]);
  const articles = useLibraryStore((s) => s.articles);
  const choices = useMemo(
    () => (helpful === null ? [] : [...articles].sort((a, b) => a.title.localeCompare(b.title))),
    [articles, helpful],
  );

  if (exchange.feedbackSaved) {
    return (
      <p className="feedback-saved" role="status" data-testid="feedback-saved">
        {t('preview.feedback.saved')}
      </p>
    );
  }

  const send = async () => {
    if (helpful === null) return;
    setBusy(true);
    const res = await call('answer.feedback', {
      question: exchange.question,
      answer: result.answer,
      against: exchange.against === 'live' ? 'snapshot' : exchange.against,
      helpful,
      comment: comment.trim() || undefined,
      expectedArticleId: expected || undefined,
      citedArticleIds: [...new Set(result.citations.map((c) => c.articleId))],
      confidence: result.confidence,
      handoffTopic: result.handoff?.topic,
      shouldHandoffTo: (mayHandOff && handoffTo) || undefined,
    });
    setBusy(false);
    if (!res.ok) return showError(res.error);
    usePreviewStore.getState().feedbackSaved(exchange);
  };

  return (
    <form
      className="feedback"
      data-testid="feedback"
      aria-label={t('preview.feedback.label')}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="feedback-verdict">
        <span className="muted">{t('preview.feedback.label')}</span>
        <button type="button" aria-pressed={helpful === true} onClick={() => setHelpful(true)}>
          {t('preview.feedback.helpful')}
        </button>
        <button type="button" aria-pressed={helpful === false} onClick={() => setHelpful(false)}>
          {t('preview.feedback.notHelpful')}
        </button>
      </div>
      {helpful !== null && (
        <>
          <label className="field">
            <span>{t('preview.feedback.comment')}</span>
            <textarea
              rows={2}
              value={comment}
              placeholder={t('preview.feedback.commentPlaceholder')}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('preview.feedback.expected')}</span>
            <select value={expected} onChange={(e) => setExpected(e.target.value)}>
              <option value="">{t('preview.feedback.noExpected')}</option>
              {choices.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title} ({a.locale})
                </option>
              ))}
            </select>
          </label>
          {mayHandOff && topics.length > 0 && (
            <label className="field">
              <span>{t('preview.feedback.shouldHandoff')}</span>
              <select value={handoffTo} onChange={(e) => setHandoffTo(e.target.value)}>
                <option value="">{t('preview.feedback.noHandoff')}</option>
                {topics.map((topic) => (
                  <option key={topic} value={topic}>
                    {topic}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="dialog-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('preview.feedback.send')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
