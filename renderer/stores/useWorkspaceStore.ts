import { create } from 'zustand';
import type { WorkspaceInfo } from '../../main/api/index.js';
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
