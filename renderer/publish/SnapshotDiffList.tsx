import { useTranslation } from 'react-i18next';
import type { SnapshotDiff } from '../../main/api/index.js';
import { ChangedArticle } from './ChangedArticle';

/** The articles a publish would add, change (each opening to its text diff) and remove, and whether the profile changed. */
export function SnapshotDiffList({ diff }: { diff: SnapshotDiff }) {
  const { t } = useTranslation();
  const groups = [
    { kind: 'added', titles: diff.added.map((a) => a.title || a.id) },
    { kind: 'changed', titles: diff.changed.map((a) => a.title || a.id) },
    { kind: 'removed', titles: diff.removed.map((a) => a.title || a.id) },
  ] as const;
  const empty = groups.every((g) => g.titles.length === 0) && !diff.profileChanged;
  if (empty) return <p className="muted">{t('publish.diff.same')}</p>;
  return (
    <div className="snapshot-diff" data-testid="snapshot-diff">
      {diff.profileChanged && <p className="diff-profile">{t('publish.diff.profileChanged')}</p>}
      {groups
        .filter((g) => g.titles.length > 0)
        .map((g) => (
          <section key={g.kind} className={`diff-group diff-${g.kind}`} data-testid={`diff-${g.kind}`}>
            <h4>{t(`publish.diff.${g.kind}`, { count: g.titles.length })}</h4>
            {g.kind === 'changed' ? (
              diff.changed.map((c) => <ChangedArticle key={c.id} change={c} />)
            ) : (
              <ul>
                {g.titles.map((title, i) => (
                  <li key={`${title}-${i}`}>{title}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
    </div>
  );
}
