import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplayChange, ReplayOutcome } from '../../main/api/index.js';
import { call } from '../api/client';
import { useArticleTitle } from '../library/useArticleTitle';
import { Dialog } from '../shell/Dialog';
import { showError } from '../stores/useToastStore';
import { OutcomeCard } from './OutcomeCard';

const short = (version: string | undefined) => version?.slice(0, 7);

/**
 * One replayed question side by side: what the live snapshot answers and what the planned knowledge
 * would, the article versions behind the change, and one click to keep either behaviour as a
 * golden-set question (so the publish gate guards it from now on).
 */
export function ReplayChangeDialog({ change, onClose }: { change: ReplayChange; onClose: () => void }) {
  const { t } = useTranslation();
  const title = useArticleTitle();
  const [set, setSet] = useState('golden');
  const [saved, setSaved] = useState<{ set: string; id: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('evals.sets', {}).then((res) => res.ok && res.data[0] && setSet(res.data[0].name));
  }, []);

  const keep = async (outcome: ReplayOutcome) => {
    setBusy(true);
    const res = await call('evals.add', {
      name: set,
      question: {
        question: change.question,
        expected: outcome.handoff ? [] : outcome.articleIds.slice(0, 1),
        handoff: Boolean(outcome.handoff),
        facts: [],
      },
    });
    setBusy(false);
    if (!res.ok) return showError(res.error);
    setSaved({ set, id: res.data.questions.at(-1)?.id ?? '' });
  };

  return (
    <Dialog title={t('publish.replay.dialogTitle')} onClose={onClose} wide>
      <p className="replay-question" data-testid="replay-question">
        “{change.question}” <span className="muted small">{t('publish.replay.asked', { count: change.count })}</span>
      </p>
      <div className="side-by-side" data-testid="replay-side-by-side">
        <OutcomeCard heading={t('publish.replay.before')} outcome={change.before} testId="replay-before" />
        <OutcomeCard heading={t('publish.replay.after')} outcome={change.after} testId="replay-after" />
      </div>
      {change.causes.length > 0 && (
        <div className="replay-causes">
          <h4>{t('publish.replay.causes')}</h4>
          <ul>
            {change.causes.map((c) => (
              <li key={c.articleId} data-testid="replay-cause">
                {title(c.articleId)}{' '}
                <span className="mono">
                  {short(c.before) ?? t('publish.replay.new')} → {short(c.after) ?? t('publish.replay.removed')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {saved ? (
        <p className="publish-success" role="status" data-testid="replay-saved">
          {t('publish.replay.saved', { set: saved.set, id: saved.id })}
        </p>
      ) : (
        <div className="dialog-actions replay-keep">
          <span className="muted small">{t('publish.replay.keepHint', { set })}</span>
          <button type="button" disabled={busy} onClick={() => void keep(change.before)}>
            {t('publish.replay.keepBefore')}
          </button>
          <button type="button" disabled={busy} onClick={() => void keep(change.after)}>
            {t('publish.replay.keepAfter')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
