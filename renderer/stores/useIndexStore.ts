import { create } from 'zustand';
import type { IndexStatus } from '../../main/api/index.js';
import { call } from '../api/client';

interface IndexState {
  status: IndexStatus | null;
  /** Bumped by every pushed status, so an older answer to `load` never overwrites a newer push. */
  pushes: number;
  load(): Promise<void>;
  set(status: IndexStatus): void;
}

export const useIndexStore = create<IndexState>((set, get) => ({
  status: null,
  pushes: 0,
  async load() {
    const before = get().pushes;
    const res = await call('index.status', {});
    if (res.ok && get().pushes === before) set({ status: res.data });
  },
  set: (status) => set((s) => ({ status, pushes: s.pushes + 1 })),
}));
