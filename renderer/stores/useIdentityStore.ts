import { create } from 'zustand';
import type { ApiError, Identity } from '../../main/api/index.js';
import { call } from '../api/client';
import { useWorkspaceStore } from './useWorkspaceStore';
import { showError, useToastStore } from './useToastStore';
import { i18next } from '../i18n';

/** Who to become: a member to switch to, a member to claim with an invite code, or (on an empty team) its founder. */
export type JoinInput = { id: string; name?: string; invite?: string };

interface IdentityState {
  identity: Identity;
  loaded: boolean;
  dialogOpen: boolean;
  load(): Promise<void>;
  /** Switch to a member whose key is here, claim one with an invite code, or found an empty team. */
  join(input: JoinInput): Promise<boolean>;
  openDialog(): void;
  closeDialog(): void;
}

export const useIdentityStore = create<IdentityState>((set, get) => ({
  identity: {},
  loaded: false,
  dialogOpen: false,
  async load() {
    const res = await call('team.me', {});
    if (res.ok) set({ identity: res.data, loaded: true });
  },
  async join(input) {
    const res = await call('team.join', input);
    if (!res.ok) {
      showError(res.error);
      return false;
    }
    await Promise.all([get().load(), useWorkspaceStore.getState().load()]);
    useToastStore.getState().show('info', i18next.t('identity.signedInAs', { name: res.data.name }));
    set({ dialogOpen: false });
    return true;
  },
  openDialog: () => set({ dialogOpen: true }),
  closeDialog: () => set({ dialogOpen: false }),
}));

/** Report a failed review action: nobody able to sign opens the identity dialog, anything else is a toast. */
export function reportReviewError(error: ApiError): void {
  if (error.code === 'SIGN_IN_REQUIRED') {
    useToastStore.getState().show('error', `${i18next.t('identity.needed')} ${error.message}`);
    useIdentityStore.getState().openDialog();
  } else showError(error);
}
