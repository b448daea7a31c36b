import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportReviewError } from '../stores/useIdentityStore';
import type { ArticleDiff, ArticleVersion } from '../../main/api/index.js';
import { call } from '../api/client';
import { fullDate, relativeTime } from '../library/relativeTime';
import { useEditorStore } from '../stores/useEditorStore';
import { useLibraryStore } from '../stores/useLibraryStore';
import { showError, useToastStore } from '../stores/useToastStore';
import { DiffView } from './DiffView';

interface Choice {
  ref: string;
  label: string;
  version?: ArticleVersion;
}

export function HistoryPanel({
  articleId,
  onClose,
  compare,
  onCompare,
}: {
  articleId: string;
  onClose: () => void;
  /** The versions to compare first (from the URL); otherwise the latest change. */
  compare?: { from: string; to: string };
  /** The two versions compared changed: the URL follows. */
  onCompare?: (from: string, to: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const versionState = useEditorStore((s) => s.article?.versionState);
  const [versions, setVersions] = useState<ArticleVersion[] | null>(null);
  const [from, setFrom] = useState(compare?.from ?? '');
  const [to, setTo] = useState(compare?.to ?? '');
  const [diff, setDiff] = useState<ArticleDiff | null>(null);

  useEffect(() => {
    void (async () => {
      await useEditorStore.getState().flush();
      const res = await call('versions.list', { id: articleId });
      if (!res.ok) return reportReviewError(res.error);
      const list = res.data.filter((v) => v.version);
      setVersions(list);
      const modified = useEditorStore.getState().article?.versionState !== 'versioned';
      if (list.length > 0 && !compare) {
        setFrom(modified ? list[0]!.commit : (list[1] ?? list[0]!).commit);
        setTo(modified ? 'working' : list[0]!.commit);
      }
    })();
    // The URL's pair is read once, when the panel opens on it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId]);

  useEffect(() => {
    if (!from || !to) return;
    let stale = false;
    void call('versions.diff', { id: articleId, from, to }).then((res) => {
      if (stale) return;
      if (res.ok) setDiff(res.data);
      else showError(res.error);
    });
    return () => {
      stale = true;
    };
  }, [articleId, from, to]);

  const restore = async (commit: string) => {
    if (!window.confirm(t('history.confirmRestore'))) return;
    await useEditorStore.getState().flush();
    const res = await call('versions.restore', { id: articleId, version: commit });
    if (!res.ok) return reportReviewError(res.error);
    useEditorStore.getState().replace(res.data.article);
    useLibraryStore.getState().upsert(res.data.article);
    useToastStore.getState().show('info', t('history.restored'));
    onClose();
  };

  const choices: Choice[] = [
    ...(versionState !== 'versioned' ? [{ ref: 'working', label: t('history.working') }] : []),
    ...(versions ?? []).map((v) => ({
      ref: v.commit,
      label: `${v.commit.slice(0, 7)} · ${v.message}`,
      version: v,
    })),
  ];

  return (
    <aside className="history" aria-label={t('history.title')} data-testid="history-panel">
      <header>
        <h3>{t('history.title')}</h3>
        <button type="button" onClick={onClose} aria-label={t('history.close')}>
          ×
        </button>
      </header>
      {versions && versions.length === 0 && <p className="muted">{t('history.noVersions')}</p>}
      <ol className="version-list">
        {(versions ?? []).map((v, i) => (
          <li key={v.commit} data-testid="version-item" data-commit={v.commit}>
            <div className="version-message">{v.message}</div>
            <div className="version-meta">
              <code title={v.commit}>{v.commit.slice(0, 7)}</code> ·{' '}
              <span className="content-hash" title={t('history.contentHash', { hash: v.version })}>
                #{v.version!.slice(0, 7)}
              </span>{' '}
              · {v.author.name} ·{' '}
              <span title={fullDate(v.timestamp, i18n.language)}>{relativeTime(v.timestamp, i18n.language)}</span>
            </div>
            {v.sameTextAs && (
              <div className="version-same" data-testid="version-same">
                {t('history.sameTextAs', { commit: v.sameTextAs.slice(0, 7) })}
              </div>
            )}
            {(i > 0 || versionState !== 'versioned') && (
              <button type="button" className="link" onClick={() => void restore(v.commit)}>
                {t('history.restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {choices.length > 1 && (
        <div className="compare">
          <h4>{t('history.compare')}</h4>
          <VersionSelect
            label={t('history.from')}
            value={from}
            onChange={(ref) => {
              setFrom(ref);
              onCompare?.(ref, to);
            }}
            choices={choices}
          />
          <VersionSelect
            label={t('history.to')}
            value={to}
            onChange={(ref) => {
              setTo(ref);
              onCompare?.(from, ref);
            }}
            choices={choices}
          />
          {diff && <DiffView diff={diff} />}
        </div>
      )}
    </aside>
  );
}

function VersionSelect({
  label,
  value,
  onChange,
  choices,
}: {
  label: string;
  value: string;
  onChange: (ref: string) => void;
  choices: Choice[];
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map((c) => (
          <option key={c.ref} value={c.ref}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
