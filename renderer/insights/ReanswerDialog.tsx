import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView, InsightsView, ReanswerView } from '../../main/api/index.js';
import { call } from '../api/client';
import { OutcomeCard } from '../publish/OutcomeCard';
import { Dialog } from '../shell/Dialog';
import { showError } from '../stores/useToastStore';

/**
 * One logged conversation answered again: what the customer was told, beside what a chosen
 * snapshot (the one that answered, the live one, any stored one) or today's approved articles answer.
 */
export function ReanswerDialog({
  conversation,
  snapshots,
  target,
  onClose,
}: {
  conversation: ConversationView;
  snapshots: InsightsView['snapshots'];
  target: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const selectId = useId();
  const [against, setAgainst] = useState(conversation.snapshot ?? 'approved');
  // The answers and the knowledge they came from: answers of another choice are not shown as these.
  const [answered, setAnswered] = useState<{ against: string; view: ReanswerView } | null>(null);
  const result = answered?.against === against ? answered.view : null;
  const busy = !result;
  const known = new Set(snapshots.map((s) => s.id));

  useEffect(() => {
    let current = true;
    void call('insights.reanswer', {
      questions: conversation.questions,
      against,
      ...(target ? { target } : {}),
    }).then((res) => {
      if (!current) return;
      // A failure is shown once, and leaves the choice without answers rather than answering forever.
      setAnswered({ against, view: res.ok ? res.data : { against, answers: [] } });
      if (!res.ok) showError(res.error);
    });
    return () => {
      current = false;
    };
  }, [conversation, against, target]);

  const label = (id: string) =>
    [
      id.slice(0, 12),
      id === conversation.snapshot ? t('insights.reanswer.answeredIt') : '',
      snapshots.find((s) => s.id === id)?.live ? t('insights.reanswer.live') : '',
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <Dialog title={t('insights.reanswer.title')} onClose={onClose} wide>
      <label htmlFor={selectId}>{t('insights.reanswer.against')}</label>{' '}
      <select id={selectId} value={against} onChange={(e) => setAgainst(e.target.value)}>
        {conversation.snapshot && !known.has(conversation.snapshot) && (
          <option value={conversation.snapshot}>{label(conversation.snapshot)}</option>
        )}
        {snapshots.map((s) => (
          <option key={s.id} value={s.id}>
            {label(s.id)}
          </option>
        ))}
        <option value="approved">{t('insights.reanswer.approved')}</option>
      </select>
      {busy && (
        <p className="muted" role="status">
          {t('insights.reanswer.answering')}
        </p>
      )}
      <ol className="reanswer-turns" data-testid="reanswer">
        {conversation.questions.map((question, i) => {
          const now = result?.answers[i];
          return (
            <li key={i}>
              <p className="replay-question">“{question}”</p>
              <div className="side-by-side">
                <section className="outcome-card" data-testid="reanswer-told">
                  <h4>{t('insights.reanswer.told')}</h4>
                  <p className="outcome-answer">{conversation.answers[i] ?? t('insights.reanswer.notLogged')}</p>
                </section>
                {now && (
                  <OutcomeCard
                    heading={result.against === 'approved' ? t('insights.reanswer.approved') : label(against)}
                    outcome={{ ...now, articleIds: now.citations.map((c) => c.articleId) }}
                    testId="reanswer-now"
                  />
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </Dialog>
  );
}
