import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../main/api/contract';
import { StatusBadge } from '../review/StatusBadge';
import { fullDate, relativeTime } from './relativeTime';

interface Props {
  article: ArticleSummary;
  selected: boolean;
  onOpen: (id: string) => void;
}

export const ArticleRow = memo(function ArticleRow({ article, selected, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      className={`article-row${selected ? ' selected' : ''}`}
      data-testid="article-row"
      data-id={article.id}
      onClick={() => onOpen(article.id)}
      aria-current={selected ? 'true' : undefined}
    >
      <span className="row-title">{article.title}</span>
      <span className="row-meta">
        <StatusBadge article={article} />
        {(article.review?.openComments ?? 0) > 0 && (
          <span className="badge comments" title={t('review.openComments', { count: article.review!.openComments })}>
            💬 {article.review!.openComments}
          </span>
        )}
        {article.versionState !== 'versioned' && (
          <span className="badge version-state" title={t(`versionState.${article.versionState}`)}>
            {article.versionState === 'modified' ? '●' : '○'}
          </span>
        )}
        <span className="locale">{article.locale}</span>
        {article.tags.slice(0, 3).map((tag) => (
          <span key={tag} className="tag">
            #{tag}
          </span>
        ))}
        <span className="spacer" />
        {article.owner && <span className="owner">{article.owner}</span>}
        <span className="updated" title={fullDate(article.updatedAt, i18n.language)}>
          {relativeTime(article.updatedAt, i18n.language)}
        </span>
      </span>
    </button>
  );
});
