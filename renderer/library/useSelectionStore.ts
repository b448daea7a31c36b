import { create } from 'zustand';

/** Rows ticked in the library for a bulk action; kept to the rows shown. */
interface SelectionState {
  checked: ReadonlySet<string>;
  /** The row clicked last: a shift-click ticks or unticks everything from it to the clicked row. */
  anchor: string | null;
  /** Tick or untick one row; with `range`, every shown row between the anchor and it. */
  toggle(id: string, shown: readonly string[], range: boolean): void;
  selectAll(shown: readonly string[]): void;
  clear(): void;
  /** Forget rows no longer shown (filtered out, deleted). */
  keepOnly(shown: readonly string[]): void;
}

export const useSelectionStore = create<SelectionState>((set, get) => ({
  checked: new Set(),
  anchor: null,
  toggle(id, shown, range) {
    const { checked, anchor } = get();
    const on = !checked.has(id);
    const from = anchor === null ? -1 : shown.indexOf(anchor);
    const to = shown.indexOf(id);
    const ids = range && from >= 0 && to >= 0 ? shown.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
    const next = new Set(checked);
    for (const each of ids) {
      if (on) next.add(each);
      else next.delete(each);
    }
    set({ checked: next, anchor: id });
  },
  selectAll: (shown) => set({ checked: new Set(shown), anchor: null }),
  clear: () => set({ checked: new Set(), anchor: null }),
  keepOnly(shown) {
    const { checked, anchor } = get();
    const visible = new Set(shown);
    if ([...checked].every((id) => visible.has(id))) return;
    set({
      checked: new Set([...checked].filter((id) => visible.has(id))),
      anchor: anchor !== null && visible.has(anchor) ? anchor : null,
    });
  },
}));
