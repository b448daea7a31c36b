import { create } from 'zustand';

export type DiffMode = 'source' | 'rendered';

const storageKey = 'almanac.diffMode';

function storedMode(): DiffMode {
  try {
    return sessionStorage.getItem(storageKey) === 'rendered' ? 'rendered' : 'source';
  } catch {
    return 'source';
  }
}

interface HistoryState {
  /** How the history panel shows a diff; kept for the browser session. */
  diffMode: DiffMode;
  setDiffMode(mode: DiffMode): void;
}

export const useHistoryStore = create<HistoryState>((set) => ({
  diffMode: storedMode(),
  setDiffMode(mode) {
    try {
      sessionStorage.setItem(storageKey, mode);
    } catch {
      // Storage can be disabled; the choice then lasts until reload.
    }
    set({ diffMode: mode });
  },
}));
