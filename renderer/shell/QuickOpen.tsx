import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../stores/useEditorStore';
import { useLibraryStore } from '../stores/useLibraryStore';
import { Dialog } from './Dialog';

export function QuickOpen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const articles = useLibraryStore((s) => s.articles);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    const hits = q ? articles.filter((a) => a.title.toLowerCase().includes(q) || a.id.includes(q)) : articles;
    return hits.slice(0, 50);
  }, [articles, query]);
  const open = (id: string | undefined) => {
    if (!id) return;
    void useEditorStore.getState().open(id);
    onClose();
  };
  return (
    <Dialog title={t('app.quickOpen')} onClose={onClose}>
      <input
        autoFocus
        className="quick-open-input"
        placeholder={t('quickOpen.placeholder')}
        aria-label={t('quickOpen.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') open(matches[active]?.id);
          else return;
          e.preventDefault();
        }}
      />
      <ul className="quick-open-list" role="listbox">
        {matches.length === 0 && <li className="muted">{t('quickOpen.none')}</li>}
        {matches.map((a, i) => (
          <li
            key={a.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseDown={() => open(a.id)}
          >
            {a.title} <span className="muted">{a.locale}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
