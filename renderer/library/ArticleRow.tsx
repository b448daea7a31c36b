import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../main/api/index.js';
import { StatusBadge } from '../review/StatusBadge';
import { fullDate, relativeTime } from './relativeTime';

interface Props {
  article: ArticleSummary;
  /** Open in the editor. */
  selected: boolean;
  /** Ticked for a bulk action. */
  checked: boolean;
  onOpen: (id: string) => void;
  /** Tick or untick; `range` ticks every row from the last one clicked. */
  onCheck: (id: string, range: boolean) => void;
}

export const ArticleRow = memo(function ArticleRow({ article, selected, checked, onOpen, onCheck }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div
      className={`article-row-wrap${selected ? ' selected' : ''}${checked ? ' checked' : ''}`}
      data-testid="article-row"
      data-id={article.id}
    >
      <input
        type="checkbox"
        className="row-check"
        checked={checked}
        aria-label={t('library.bulk.pick', { title: article.title })}
        onChange={(e) => onCheck(article.id, (e.nativeEvent as MouseEvent).shiftKey === true)}
      />
      <button
        type="button"
        className={`article-row${selected ? ' selected' : ''}`}
        onClick={(e) => {
          // Shift-click ticks a range and Ctrl/Cmd-click ticks one, as in a file list.
          if (e.shiftKey || e.metaKey || e.ctrlKey) onCheck(article.id, e.shiftKey);
          else onOpen(article.id);
        }}
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
    </div>
  );
});
