import { describe, expect, it } from 'vitest';
import { noticePlace, pathOf, placeOf, type Place } from './routes';

describe('studio URLs', () => {
  it('give every place a path and read it back', () => {
    const places: Place[] = [
      { view: 'editor' },
      { view: 'editor', id: 'refund-policy' },
      { view: 'editor', id: 'refund-policy', history: true },
      { view: 'editor', id: 'refund-policy', history: true, compare: { from: 'a1b2c3d', to: 'working' } },
      { view: 'review' },
      { view: 'review', id: 'gift-cards' },
      { view: 'insights', tab: 'gaps' },
      { view: 'publish' },
      { view: 'team' },
      { view: 'editor', id: '退货 政策' },
    ];
    for (const place of places) expect(placeOf(pathOf(place))).toEqual(place);
  });

  it('reads an unknown path as the library', () => {
    expect(placeOf('/nowhere/at/all')).toEqual({ view: 'editor' });
    expect(placeOf('/article')).toEqual({ view: 'editor' });
  });

  it('count a panel or a tab as the same place for notices', () => {
    expect(noticePlace('/article/refund-policy/history')).toBe('/article/refund-policy');
    expect(noticePlace('/insights/gaps')).toBe('/insights');
    expect(noticePlace('/review/gift-cards')).toBe('/review/gift-cards');
  });
});
