/** The studio's screens. */
export type View =
  'editor' | 'playground' | 'preview' | 'profile' | 'review' | 'publish' | 'insights' | 'quality' | 'team';

/** Where the studio is: a screen, and the article, review or section it shows. Every place has a URL. */
export interface Place {
  view: View;
  /** The article open in the editor, or the article whose review is open. */
  id?: string;
  /** The editor's history panel is open. */
  history?: boolean;
  /** The two versions the history panel compares (commit ids, or `working`). */
  compare?: { from: string; to: string };
  /** A section of the screen (the Insights tab). */
  tab?: string;
}

const views = new Set<View>(['playground', 'preview', 'profile', 'review', 'publish', 'insights', 'quality', 'team']);

/** The place of a URL path (`/article/refund-policy/history`, `/review/gift-cards`, `/insights/gaps`). */
export function placeOf(pathname: string): Place {
  const [first = '', second, third, from, to] = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (first === 'article' && second)
    return {
      view: 'editor',
      id: second,
      ...(third === 'history' ? { history: true } : {}),
      ...(third === 'history' && from && to ? { compare: { from, to } } : {}),
    };
  if (first === 'review') return { view: 'review', ...(second ? { id: second } : {}) };
  if (first === 'insights') return { view: 'insights', ...(second ? { tab: second } : {}) };
  if (views.has(first as View)) return { view: first as View };
  return { view: 'editor' };
}

/** The URL path of a place. */
export function pathOf(place: Place): string {
  const id = place.id && encodeURIComponent(place.id);
  if (place.view === 'editor') {
    if (!id) return '/';
    const compare =
      place.compare && `/${encodeURIComponent(place.compare.from)}/${encodeURIComponent(place.compare.to)}`;
    return `/article/${id}${place.history ? `/history${compare ?? ''}` : ''}`;
  }
  if (place.view === 'review') return id ? `/review/${id}` : '/review';
  if (place.view === 'insights') return place.tab ? `/insights/${encodeURIComponent(place.tab)}` : '/insights';
  return `/${place.view}`;
}

/**
 * The place a notice belongs to: the screen and the article or review it shows. Opening a panel or
 * a tab there (history, an Insights tab) is still the same place.
 */
export function noticePlace(pathname: string): string {
  const { view, id } = placeOf(pathname);
  return pathOf({ view, id });
}
