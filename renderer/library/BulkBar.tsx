import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../main/api/index.js';
import { useLibraryStore } from '../stores/useLibraryStore';
import { useWorkspaceStore } from '../stores/useWorkspaceStore';
import { changeArticles, maxBulk, reverifyArticles, submitArticles, type BulkChange } from './bulkActions';
import { useSelectionStore } from './useSelectionStore';

type Mode = 'owner' | 'reviewBy' | 'addTag' | 'removeTag';

/** The owner picker's value for "no owner" (never a member id: those have no spaces). */
const noOwner = ' ';
const noMembers: Member[] = [];
const splitTags = (text: string) =>
  text
    .split(/[,，]/)
    .map((s) => s.trim().replace(/^#/, ''))
    .filter(Boolean);

/** What can be done to the ticked rows at once; each front-matter change can be undone from its toast. */
export function BulkBar({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const team = useWorkspaceStore((s) => s.info?.team ?? noMembers);
  const articles = useLibraryStore((s) => s.articles);
  const clear = useSelectionStore((s) => s.clear);
  const [mode, setMode] = useState<Mode | null>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const { chosenTags, allTags, allArchived } = useMemo(() => {
    const picked = new Set(ids);
    const chosen = articles.filter((a) => picked.has(a.id));
    const sorted = (list: string[]) => [...new Set(list)].sort((a, b) => a.localeCompare(b));
    return {
      chosenTags: sorted(chosen.flatMap((a) => a.tags)),
      allTags: sorted(articles.flatMap((a) => a.tags)),
      allArchived: chosen.length > 0 && chosen.every((a) => a.status === 'archived'),
    };
  }, [ids, articles]);
  const count = ids.length;
  const tooMany = count > maxBulk;

  const pick = (next: Mode) => {
    setMode(mode === next ? null : next);
    setValue('');
  };
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      if ((await work()) !== false) {
        setMode(null);
        setValue('');
      }
    } finally {
      setBusy(false);
    }
  };
  const change = (patch: BulkChange, done: string) => run(() => changeArticles(ids, patch, done));

  const apply = () => {
    if (mode === 'owner')
      return change(
        { owner: value === noOwner ? '' : value },
        t(value === noOwner ? 'library.bulk.ownerCleared' : 'library.bulk.ownerSet', { count }),
      );
    if (mode === 'reviewBy') return change({ reviewBy: value }, t('library.bulk.reviewBySet', { count }));
    const tags = splitTags(value);
    if (mode === 'addTag')
      return change({ addTags: tags }, t('library.bulk.tagAdded', { count, tag: tags.map((x) => `#${x}`).join(' ') }));
    if (mode === 'removeTag')
      return change({ removeTags: tags }, t('library.bulk.tagRemoved', { count, tag: `#${value}` }));
  };
  const ready = mode === 'addTag' ? splitTags(value).length > 0 : value !== '';

  let field: ReactNode = null;
  if (mode === 'owner')
    field = (
      <select aria-label={t('library.bulk.owner')} value={value} onChange={(e) => setValue(e.target.value)} autoFocus>
        <option value="" disabled>
          {team.length > 0 ? t('library.bulk.chooseMember') : t('library.bulk.noMembers')}
        </option>
        {team.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.id})
          </option>
        ))}
        <option value={noOwner}>{t('editor.noOwner')}</option>
      </select>
    );
  else if (mode === 'reviewBy')
    field = (
      <input
        type="date"
        aria-label={t('library.bulk.reviewBy')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoFocus
      />
    );
  else if (mode === 'addTag')
    field = (
      <>
        <input
          aria-label={t('library.bulk.tag')}
          placeholder={t('library.bulk.tagHint')}
          list="bulk-tag-options"
          value={value}
          maxLength={200}
          onChange={(e) => setValue(e.target.value)}
          autoFocus
        />
        <datalist id="bulk-tag-options">
          {allTags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </>
    );
  else if (mode === 'removeTag')
    field =
      chosenTags.length === 0 ? (
        <span className="bulk-note">{t('library.bulk.noTags')}</span>
      ) : (
        <select aria-label={t('library.bulk.tag')} value={value} onChange={(e) => setValue(e.target.value)} autoFocus>
          <option value="" disabled>
            {t('library.bulk.chooseTag')}
          </option>
          {chosenTags.map((tag) => (
            <option key={tag} value={tag}>
              #{tag}
            </option>
          ))}
        </select>
      );

  const modeButton = (m: Mode, label: string) => (
    <button type="button" aria-expanded={mode === m} disabled={busy || tooMany} onClick={() => pick(m)}>
      {label}
    </button>
  );

  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('library.bulk.bar')} data-testid="bulk-bar">
      <div className="bulk-head">
        <strong data-testid="bulk-count">{t('library.bulk.selected', { count })}</strong>
        <button type="button" className="link" onClick={clear}>
          {t('library.bulk.clear')}
        </button>
      </div>
      {tooMany && (
        <p className="bulk-note" role="alert">
          {t('library.bulk.tooMany', { max: maxBulk })}
        </p>
      )}
      <div className="bulk-actions">
        {modeButton('owner', t('library.bulk.setOwner'))}
        {modeButton('reviewBy', t('library.bulk.setReviewBy'))}
        {modeButton('addTag', t('library.bulk.addTag'))}
        {modeButton('removeTag', t('library.bulk.removeTag'))}
        <button
          type="button"
          disabled={busy || tooMany}
          onClick={() =>
            void change(
              { archived: !allArchived },
              t(allArchived ? 'library.bulk.unarchived' : 'library.bulk.archived', { count }),
            )
          }
        >
          {allArchived ? t('library.bulk.unarchive') : t('library.bulk.archive')}
        </button>
        <button type="button" disabled={busy || tooMany} onClick={() => void run(() => submitArticles(ids))}>
          {t('library.bulk.submit')}
        </button>
        <button type="button" disabled={busy || tooMany} onClick={() => void run(() => reverifyArticles(ids))}>
          {t('library.bulk.reverify')}
        </button>
      </div>
      {mode && (
        <form
          className="bulk-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (ready && !busy) void apply();
          }}
        >
          {field}
          <button type="submit" className="primary" disabled={busy || !ready}>
            {t('library.bulk.apply', { count })}
          </button>
          <button type="button" onClick={() => setMode(null)}>
            {t('library.bulk.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
