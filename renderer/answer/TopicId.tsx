import { useTranslation } from 'react-i18next';

/** A topic id of the agent profile as written there (profiles give topics no display name): muted code. */
export function TopicId({ topic }: { topic: string }) {
  const { t } = useTranslation();
  return (
    <code className="topic-id" title={t('preview.topicId')}>
      {topic}
    </code>
  );
}
