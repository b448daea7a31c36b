import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useLibraryStore, type SortKey } from '../stores/useLibraryStore';

const statuses = ['draft', 'stale', 'archived', 'invalid'];

export function LibraryFilters() {
  const { t } = useTranslation();
  const { articles, filters, sort, setFilter, setSort } = useLibraryStore(
    useShallow((s) => ({
      articles: s.articles,
      filters: s.filters,
      sort: s.sort,
      setFilter: s.setFilter,
      setSort: s.setSort,
    })),
  );
  const options = useMemo(() => {
    const locales = new Set<string>();
    const tags = new Set<string>();
    const owners = new Set<string>();
    for (const a of articles) {
      if (a.locale) locales.add(a.locale);
      a.tags.forEach((tag) => tags.add(tag));
      if (a.owner) owners.add(a.owner);
    }
    const sorted = (s: Set<string>) => [...s].sort();
    return { locales: sorted(locales), tags: sorted(tags), owners: sorted(owners) };
  }, [articles]);
  return (
    <div className="filters">
      <select
        aria-label={t('library.filterLocale')}
        value={filters.locale}
        onChange={(e) => setFilter('locale', e.target.value)}
      >
        <option value="">{t('library.allLocales')}</option>
        {options.locales.map((l) => (
          <option key={l}>{l}</option>
        ))}
      </select>
      <select
        aria-label={t('library.filterStatus')}
        value={filters.status}
        onChange={(e) => setFilter('status', e.target.value)}
      >
        <option value="">{t('library.allStatuses')}</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('library.filterTag')}
        value={filters.tag}
        onChange={(e) => setFilter('tag', e.target.value)}
      >
        <option value="">{t('library.allTags')}</option>
        {options.tags.map((tag) => (
          <option key={tag}>{tag}</option>
        ))}
      </select>
      <select
        aria-label={t('library.filterOwner')}
        value={filters.owner}
        onChange={(e) => setFilter('owner', e.target.value)}
      >
        <option value="">{t('library.allOwners')}</option>
        {options.owners.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
      <select aria-label={t('library.sortBy')} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
        <option value="updated">{t('library.sortUpdated')}</option>
        <option value="title">{t('library.sortTitle')}</option>
        <option value="status">{t('library.sortStatus')}</option>
      </select>
    </div>
  );
}
