import { create } from 'zustand';
import type { GoldenRun, RunComparison } from '../../main/api/index.js';
import { call } from '../api/client';
import { showError } from '../stores/useToastStore';
import { useGoldenSetStore } from './useGoldenSetStore';

export type RunSummary = Omit<GoldenRun, 'outcomes' | 'versions'>;
export type RunAgainst = 'drafts' | 'approved';

interface GoldenRunState {
  /** The set whose runs these are. */
  set: string | null;
  runs: RunSummary[] | null;
  /** The run shown with its questions: the newest, one just made, or one picked from the history. */
  run: GoldenRun | null;
  /** The set being run now. */
  running: string | null;
  against: RunAgainst;
  k: number;
  /** Up to two run ids picked for comparison. */
  picked: string[];
  comparison: RunComparison | null;
  open(set: string): Promise<void>;
  setAgainst(against: RunAgainst): void;
  setK(k: number): void;
  start(): Promise<void>;
  show(id: string): Promise<void>;
  pick(id: string, on: boolean): void;
  compare(): Promise<void>;
  reset(): void;
}

const initial = {
  set: null,
  runs: null,
  run: null,
  running: null,
  against: 'drafts' as const,
  k: 5,
  picked: [],
  comparison: null,
};

const newestTwo = (runs: RunSummary[]) => runs.slice(0, 2).map((r) => r.id);

export const useGoldenRunStore = create<GoldenRunState>((set, get) => {
  const loadRuns = async (name: string) => {
    const res = await call('evals.runs', { name });
    if (get().set !== name) return null;
    if (!res.ok) {
      showError(res.error);
      return null;
    }
    set({ runs: res.data });
    return res.data;
  };
  return {
    ...initial,
    async open(name) {
      set({ set: name, runs: null, run: null, picked: [], comparison: null });
      const runs = await loadRuns(name);
      if (!runs) return;
      set({ picked: newestTwo(runs) });
      if (runs[0]) await get().show(runs[0].id);
    },
    setAgainst: (against) => set({ against }),
    setK: (k) => set({ k }),
    async start() {
      const { set: name, against, k } = get();
      if (!name || get().running) return;
      set({ running: name });
      const res = await call('evals.run', { name, against, k });
      set({ running: null });
      void useGoldenSetStore.getState().load();
      if (!res.ok) return showError(res.error);
      if (get().set !== name) return;
      set({ run: res.data, comparison: null });
      const runs = await loadRuns(name);
      if (runs) set({ picked: newestTwo(runs) });
    },
    async show(id) {
      const name = get().set;
      if (!name) return;
      const res = await call('evals.runDetail', { name, id });
      if (get().set !== name) return;
      if (!res.ok) return showError(res.error);
      set({ run: res.data });
    },
    pick: (id, on) =>
      set((s) => ({
        picked: on ? [...s.picked.filter((x) => x !== id), id].slice(-2) : s.picked.filter((x) => x !== id),
        comparison: null,
      })),
    async compare() {
      const { set: name, picked, runs } = get();
      if (!name || picked.length !== 2 || !runs) return;
      const time = (id: string) => runs.find((r) => r.id === id)?.time ?? '';
      const [before, after] = [...picked].sort((a, b) => time(a).localeCompare(time(b)));
      const res = await call('evals.compare', { name, before: before!, after: after! });
      if (get().set !== name) return;
      if (!res.ok) return showError(res.error);
      set({ comparison: res.data });
    },
    reset: () => set(initial),
  };
});
