import { create } from 'zustand';
import type { Member, WorkspaceInfo } from '../../main/api/index.js';
import { call } from '../api/client';
import { showError } from './useToastStore';

interface WorkspaceState {
  info: WorkspaceInfo | null;
  error: string | null;
  load(): Promise<void>;
}

export const useWorkspaceStore = create<WorkspaceState>((set) => ({
  info: null,
  error: null,
  async load() {
    const res = await call('workspace.info', {});
    if (res.ok) set({ info: res.data, error: null });
    else {
      set({ error: res.error.message });
      showError(res.error);
    }
  },
}));

// A selector must return the same value for the same state: `s.info?.team ?? []` makes a new []
// on every call while the workspace is loading, and React gives up ("Maximum update depth").
const noMembers: Member[] = [];
const noLocales: string[] = [];

/** The workspace's roster, or an empty one while it loads. */
export const useTeam = (): Member[] => useWorkspaceStore((s) => s.info?.team) ?? noMembers;

/** The workspace's locales, or `fallback` while it loads. */
export const useLocales = (fallback: string[] = noLocales): string[] =>
  useWorkspaceStore((s) => s.info?.locales) ?? fallback;
