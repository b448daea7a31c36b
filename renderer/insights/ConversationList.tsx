import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView, InsightsView } from '../../main/api/index.js';
import { ReanswerDialog } from './ReanswerDialog';

/** The log's newest conversations (masked), each of which can be answered again with any stored snapshot. */
export function ConversationList({ data, target }: { data: InsightsView; target: string | null }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<ConversationView | null>(null);
  if (data.conversations.length === 0) return <p className="muted">{t('insights.conversations.none')}</p>;
  return (
    <section className="view-section">
      <p className="muted view-intro">{t('insights.conversations.intro')}</p>
      <table className="insights-table conversation-table" data-testid="conversations">
        <thead>
          <tr>
            <th>{t('insights.conversations.time')}</th>
            <th>{t('insights.conversations.question')}</th>
            <th>{t('insights.conversations.outcome')}</th>
            <th>{t('insights.conversations.snapshot')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.conversations.map((c) => (
            <tr key={c.id} data-testid="conversation">
              <td className="nowrap">{new Date(c.time).toLocaleString(i18n.language)}</td>
              <td className="ellipsis" title={c.questions.join('\n')}>
                {c.questions[0]}
                {c.questions.length > 1 && (
                  <span className="muted small">
                    {' '}
                    {t('insights.conversations.more', { count: c.questions.length - 1 })}
                  </span>
                )}
              </td>
              <td className="nowrap">
                {c.handedOff
                  ? t('insights.conversations.handedOff')
                  : c.resolved === true
                    ? t('insights.conversations.resolved')
                    : c.resolved === false
                      ? t('insights.conversations.unresolved')
                      : t('insights.conversations.answered')}
              </td>
              <td className="mono">{c.snapshot?.slice(0, 8) ?? '—'}</td>
              <td>
                <button type="button" className="link" onClick={() => setOpen(c)}>
                  {t('insights.conversations.reanswer')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <ReanswerDialog conversation={open} snapshots={data.snapshots} target={target} onClose={() => setOpen(null)} />
      )}
    </section>
  );
}
