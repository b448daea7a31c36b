import { describe, expect, it } from 'vitest';
import { pathOf, placeOf, type Place } from './routes';

describe('studio URLs', () => {
  it('give every place a path and read it back', () => {
    const places: Place[] = [
      { view: 'editor' },
      { view: 'editor', id: 'refund-policy' },
      { view: 'editor', id: 'refund-policy', history: true },
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
});
