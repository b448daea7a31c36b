import { useTranslation } from 'react-i18next';
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
          </select>
        )}
      </div>
      <ol className="chat-list">
        {chat.map((e) => (
          <AnswerMessage key={e.id} exchange={e} onOpenArticle={onOpenArticle} />
        ))}
      </ol>
    </section>
  );
}
