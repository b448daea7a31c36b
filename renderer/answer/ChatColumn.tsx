import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { AnswerMessage } from './AnswerMessage';
import { usePreviewStore, type Against } from './usePreviewStore';

/** One conversation with the agent, answered from one knowledge source. */
export function ChatColumn({
  against,
  compare,
  onOpenArticle,
}: {
  against: Against;
  compare: boolean;
  onOpenArticle: () => void;
}) {
  const { t } = useTranslation();
  const chat = usePreviewStore((s) => s.chats[against]);
  const { targets, target } = usePreviewStore(useShallow((s) => ({ targets: s.targets, target: s.target })));
  return (
    <section className="chat-column" data-testid="chat-column" data-against={against}>
      <div className="column-controls">
        {compare ? (
          <h3 className="chat-column-title">{t(`preview.${against}`)}</h3>
        ) : (
          <select
            aria-label={t('preview.knowledge')}
            value={against}
            onChange={(e) => usePreviewStore.getState().setAgainst(e.target.value as Against)}
          >
            <option value="drafts">{t('preview.drafts')}</option>
            <option value="approved">{t('preview.approved')}</option>
            <option value="live">{t('preview.live')}</option>
          </select>
        )}
        {against === 'live' &&
          (targets.length === 0 ? (
            <span className="muted">{t('preview.noTarget')}</span>
          ) : (
            <select
              aria-label={t('preview.target')}
              value={target ?? ''}
              onChange={(e) => usePreviewStore.getState().setTarget(e.target.value)}
            >
              {targets.map((x) => (
                <option key={x.url} value={x.url}>
                  {x.name || x.url}
                </option>
              ))}
            </select>
          ))}
      </div>
      <ol className="chat-list">
        {chat.map((e) => (
          <AnswerMessage key={e.id} exchange={e} onOpenArticle={onOpenArticle} />
        ))}
      </ol>
    </section>
  );
}
