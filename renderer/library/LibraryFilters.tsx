import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { articleStatuses, useLibraryStore, type SortKey } from '../stores/useLibraryStore';
import { FilterSelect } from '../shell/FilterSelect';

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
      <FilterSelect
        label={t('library.filterLocale')}
        allLabel={t('library.allLocales')}
        value={filters.locale}
        options={options.locales}
        onChange={(v) => setFilter('locale', v)}
      />
      <FilterSelect
        label={t('library.filterStatus')}
        allLabel={t('library.allStatuses')}
        value={filters.status}
        options={articleStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        onChange={(v) => setFilter('status', v)}
      />
      <FilterSelect
        label={t('library.filterTag')}
        allLabel={t('library.allTags')}
        value={filters.tag}
        options={options.tags}
        onChange={(v) => setFilter('tag', v)}
      />
      <FilterSelect
        label={t('library.filterOwner')}
        allLabel={t('library.allOwners')}
        value={filters.owner}
        options={options.owners}
        onChange={(v) => setFilter('owner', v)}
      />
      <select aria-label={t('library.sortBy')} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
        <option value="updated">{t('library.sortUpdated')}</option>
        <option value="title">{t('library.sortTitle')}</option>
        <option value="status">{t('library.sortStatus')}</option>
      </select>
    </div>
  );
}
