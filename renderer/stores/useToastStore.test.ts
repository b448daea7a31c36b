import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ToastStore from './useToastStore';

// The store pulls in the i18n setup, which reads the browser's language and storage.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('navigator', { language: 'en' });
vi.stubGlobal('document', { documentElement: {} });

let store: typeof ToastStore;
beforeAll(async () => {
  store = await import('./useToastStore');
});
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  store.useToastStore.setState({ toasts: [] });
  vi.useRealTimers();
});

const texts = () => store.useToastStore.getState().toasts.map((t) => `${t.kind}:${t.text}`);

describe('toasts', () => {
  it('dismiss info after about 4 s and errors after about 8 s', () => {
    const { show } = store.useToastStore.getState();
    show('info', 'Version saved.');
    show('error', 'Disk full.');
    vi.advanceTimersByTime(3900);
    expect(texts()).toEqual(['info:Version saved.', 'error:Disk full.']);
    vi.advanceTimersByTime(200);
    expect(texts()).toEqual(['error:Disk full.']);
    vi.advanceTimersByTime(4000);
    expect(texts()).toEqual([]);
  });

  it('stay up while hovered and leave after the pointer does', () => {
    const { show, hold, release } = store.useToastStore.getState();
    show('error', 'Disk full.');
    const [toast] = store.useToastStore.getState().toasts;
    hold(toast!.id);
    vi.advanceTimersByTime(20_000);
    expect(texts()).toEqual(['error:Disk full.']);
    release(toast!.id);
    vi.advanceTimersByTime(8100);
    expect(texts()).toEqual([]);
  });

  it('replace an older toast with the same message and restart its time', () => {
    const { show } = store.useToastStore.getState();
    show('info', 'Saved.');
    vi.advanceTimersByTime(3000);
    show('info', 'Other.');
    show('info', 'Saved.');
    expect(texts()).toEqual(['info:Other.', 'info:Saved.']);
    vi.advanceTimersByTime(1100);
    expect(texts()).toEqual(['info:Other.', 'info:Saved.']);
    vi.advanceTimersByTime(3000);
    expect(texts()).toEqual([]);
  });

  it('clear notices on a route change but keep errors and offers', () => {
    const { show, dismissInfo } = store.useToastStore.getState();
    show('info', 'Saved.');
    show('info', 'Deleted.', { label: 'Undo', run: () => undefined });
    show('error', 'Disk full.');
    dismissInfo('/publish');
    expect(texts()).toEqual(['info:Deleted.', 'error:Disk full.']);
  });

  it('keep a notice shown at the place the studio has just moved to', () => {
    const { show, dismissInfo } = store.useToastStore.getState();
    vi.stubGlobal('location', { hash: '#/insights/gaps' });
    show('info', 'Old notice.');
    // Navigation writes the URL first; the notice about the new place comes before React renders it.
    vi.stubGlobal('location', { hash: '#/article/pet-beds' });
    show('info', 'Draft created.');
    dismissInfo('/article/pet-beds');
    expect(texts()).toEqual(['info:Draft created.']);
  });

  it('show at most four at once', () => {
    const { show } = store.useToastStore.getState();
    for (const n of [1, 2, 3, 4, 5, 6]) show('error', `E${n}`);
    expect(texts()).toEqual(['error:E3', 'error:E4', 'error:E5', 'error:E6']);
  });
});
