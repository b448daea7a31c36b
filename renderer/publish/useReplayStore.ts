import { create } from 'zustand';
import type { ReplayChange, ReplayView } from '../../main/api/index.js';
import { call } from '../api/client';
import { showError } from '../stores/useToastStore';

interface ReplayState {
  /** The target the replay is of. */
  target: string | null;
  days: number;
  view: ReplayView | null;
  loading: boolean;
  progress: { done: number; total: number } | null;
  /** The change shown side by side. */
  open: ReplayChange | null;
  load(target: string | null, days?: number): Promise<void>;
  progressed(done: number, total: number): void;
  show(change: ReplayChange | null): void;
  reset(): void;
}

const initial = { target: null, days: 7, view: null, loading: false, progress: null, open: null };

let seq = 0;

/** The behaviour diff of the Publish view: the live agent's logged questions replayed against the planned knowledge. */
export const useReplayStore = create<ReplayState>((set, get) => ({
  ...initial,
  async load(target, days = get().days) {
    const mine = ++seq;
    if (!target) return set({ ...initial, days });
    set({ target, days, loading: true, progress: null, ...(target === get().target ? {} : { view: null }) });
    const res = await call('publish.replay', { url: target, days });
    if (mine !== seq) return;
    set({ loading: false, progress: null });
    if (!res.ok) {
      set({ view: null });
      return showError(res.error);
    }
    set({ view: res.data });
  },
  progressed(done, total) {
    if (get().loading) set({ progress: { done, total } });
  },
  show: (open) => set({ open }),
  reset: () => {
    seq++;
    set(initial);
  },
}));
