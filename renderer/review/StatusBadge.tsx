import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../main/api/index.js';

/** The article's workflow status, with "newer draft" when the text moved on since its approval. */
export function StatusBadge({ article }: { article: Pick<ArticleSummary, 'status' | 'review'> }) {
  const { t } = useTranslation();
  const newer = article.status === 'draft' && article.review?.newerDraft;
  return (
    <span className={`badge status-${article.status}`} data-testid="status-badge" data-status={article.status}>
      {newer ? t('status.approvedNewerDraft') : t(`status.${article.status}`)}
    </span>
  );
}
