import { create } from 'zustand';
import type { IndexStatus } from '../../main/api/contract';
import { call } from '../api/client';

interface IndexState {
  status: IndexStatus | null;
  load(): Promise<void>;
  set(status: IndexStatus): void;
}

export const useIndexStore = create<IndexState>((set) => ({
  status: null,
  async load() {
    const res = await call('index.status', {});
    if (res.ok) set({ status: res.data });
  },
  set: (status) => set({ status }),
}));
