import { create } from 'zustand';
import type { SyncConflict, SyncResult } from '../../main/api/index.js';
import { call } from '../api/client';
import { showError, useToastStore } from '../stores/useToastStore';
import { i18next } from '../i18n';

interface SyncState {
  remote?: string;
  conflicts: SyncConflict[];
  running: boolean;
  dialogOpen: boolean;
  load(): Promise<void>;
  /** Pull, merge and push; asks for a remote first when none is saved. */
  sync(remote?: string): Promise<SyncResult | undefined>;
  resolve(path: string, text: string | null): Promise<void>;
  open(): void;
  close(): void;
}

export const useSyncStore = create<SyncState>((set, get) => ({
  conflicts: [],
  running: false,
  dialogOpen: false,
  async load() {
    const res = await call('sync.status', {});
    if (res.ok) set({ remote: res.data.remote, conflicts: res.data.conflicts });
  },
  async sync(remote) {
    // A click before the status has arrived must not ask for a remote the workspace already has.
    if (!remote && !get().remote) await get().load();
    if (!remote && !get().remote) {
      set({ dialogOpen: true });
      return undefined;
    }
    set({ running: true });
    const res = await call('sync.run', remote ? { remote } : {});
    set({ running: false });
    if (!res.ok) {
      showError(res.error);
      return undefined;
    }
    const result = res.data;
    set({ conflicts: result.conflicts, ...(remote ? { remote } : {}) });
    const toast = useToastStore.getState();
    if (result.state === 'conflicts') {
      set({ dialogOpen: true });
      toast.show('error', i18next.t('sync.conflicts', { count: result.conflicts.length }));
    } else if (result.state === 'offline') toast.show('error', result.message ?? i18next.t('sync.offline'));
    else toast.show('info', i18next.t(`sync.state.${result.state}`, { pulled: result.pulled, pushed: result.pushed }));
    return result;
  },
  async resolve(path, text) {
    const res = await call('sync.resolve', { path, text });
    if (!res.ok) return showError(res.error);
    set({ conflicts: res.data.remaining });
  },
  open: () => set({ dialogOpen: true }),
  close: () => set({ dialogOpen: false }),
}));
