import type { SnapshotArticle, SnapshotManifest } from './snapshotManifest.js';

/** What publishing `to` would change against `from`: articles added, changed (new approved version) and removed. */
export interface SnapshotDiff {
  from: string | null;
  to: string;
  added: SnapshotArticle[];
  changed: { id: string; title: string; from: string; to: string }[];
  removed: SnapshotArticle[];
  profileChanged: boolean;
}

export function diffSnapshots(
  from: Pick<SnapshotManifest, 'id' | 'articles' | 'profile'> | null,
  to: Pick<SnapshotManifest, 'id' | 'articles' | 'profile'>,
): SnapshotDiff {
  const before = new Map((from?.articles ?? []).map((a) => [a.id, a]));
  const after = new Map(to.articles.map((a) => [a.id, a]));
  return {
    from: from?.id ?? null,
    to: to.id,
    added: to.articles.filter((a) => !before.has(a.id)),
    changed: to.articles
      .filter((a) => before.has(a.id) && before.get(a.id)!.version !== a.version)
      .map((a) => ({ id: a.id, title: a.title, from: before.get(a.id)!.version, to: a.version })),
    removed: (from?.articles ?? []).filter((a) => !after.has(a.id)),
    profileChanged: (from?.profile.version ?? null) !== to.profile.version,
  };
}
