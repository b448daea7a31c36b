import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../main/api/index.js';
import { useLibraryStore } from '../stores/useLibraryStore';
import { useArticleTitle } from '../library/useArticleTitle';

function find(articles: ArticleSummary[], text: string): ArticleSummary | undefined {
  const q = text.trim().toLowerCase();
  if (!q) return undefined;
  const exact = articles.find((a) => a.id === text.trim() || a.title.toLowerCase() === q);
  if (exact) return exact;
  const partial = articles.filter((a) => a.title.toLowerCase().includes(q) || a.id.includes(q));
  return partial.length === 1 ? partial[0] : undefined;
}

// A pick from the datalist replaces the text at once; typing inserts it a character at a time.
const picked = (e: ChangeEvent<HTMLInputElement>) => {
  const native = e.nativeEvent as Event & { inputType?: string };
  return native.inputType === undefined || native.inputType === 'insertReplacementText';
};

/** Expected articles as chips showing their titles (ids are what is stored); type a title and pick one to add it. */
export function ArticlePicker({
  ids,
  onChange,
  label,
}: {
  ids: string[];
  onChange: (ids: string[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const articles = useLibraryStore((s) => s.articles);
  const title = useArticleTitle();
  const [text, setText] = useState('');
  const [focused, setFocused] = useState(false);
  const [unknown, setUnknown] = useState(false);
  const listId = useId();

  const add = (article: ArticleSummary) => {
    setText('');
    setUnknown(false);
    if (!ids.includes(article.id)) onChange([...ids, article.id]);
  };
  const commit = () => {
    if (!text.trim()) return;
    const article = find(articles, text);
    if (article) add(article);
    else setUnknown(true);
  };

  return (
    <ul className="quality-chips" aria-label={label}>
      {ids.map((id) => (
        <li key={id} className="quality-chip article" data-testid="article-chip" data-id={id} title={id}>
          <span>{title(id)}</span>
          <button
            type="button"
            aria-label={t('quality.editor.removeChip', { value: title(id) })}
            onClick={() => onChange(ids.filter((x) => x !== id))}
          >
            ×
          </button>
        </li>
      ))}
      <li className="quality-chip-input">
        <input
          aria-label={`${label}: ${t('quality.editor.addArticle')}`}
          placeholder={`${t('quality.editor.addArticle')}…`}
          list={focused ? listId : undefined}
          value={text}
          aria-invalid={unknown || undefined}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            setUnknown(false);
          }}
          onChange={(e) => {
            const value = e.target.value;
            const exact = picked(e) ? articles.find((a) => a.id === value) : undefined;
            if (exact) return add(exact);
            setText(value);
            setUnknown(false);
          }}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing || e.key !== 'Enter') return;
            e.preventDefault();
            commit();
          }}
        />
        {unknown && <span className="quality-chip-error">{t('quality.editor.unknownArticle', { value: text })}</span>}
        {focused && (
          <datalist id={listId}>
            {articles
              .filter((a) => !ids.includes(a.id))
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {`${a.title} (${a.locale})`}
                </option>
              ))}
          </datalist>
        )}
      </li>
    </ul>
  );
}
