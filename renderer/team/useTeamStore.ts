import { create } from 'zustand';
import type { AddedMember, AuditPage, AuditVerification, Member, Result } from '../../main/api/index.js';
import { call } from '../api/client';
import { i18next } from '../i18n';
import { reportReviewError, useIdentityStore } from '../stores/useIdentityStore';
import { useToastStore } from '../stores/useToastStore';
import { useWorkspaceStore } from '../stores/useWorkspaceStore';

export type Role = Member['roles'][number];
export const allRoles: Role[] = ['author', 'reviewer', 'compliance', 'manager'];
const pageSize = 50;

/** An invite code a manager was just given for a colleague: shown once, until dismissed. */
export interface Invite {
  id: string;
  name: string;
  code: string;
}

interface TeamState {
  verification: AuditVerification | null;
  audit: AuditPage | null;
  busy: boolean;
  /** Roles ticked but not saved yet, shown at once; dropped when the save ends (either way). */
  pendingRoles: Record<string, Role[]>;
  /** The newest invite code handed out here; the core never shows it again. */
  lastInvite: Invite | null;
  /** Re-check the chain and read the newest page of entries. */
  loadAudit(): Promise<void>;
  /** Append the next (older) page of entries. */
  more(): Promise<void>;
  add(input: { id: string; name: string; email?: string; roles: Role[] }): Promise<boolean>;
  setRoles(id: string, roles: Role[]): Promise<boolean>;
  rotateKey(id: string): Promise<boolean>;
  dismissInvite(): void;
}

export const useTeamStore = create<TeamState>((set, get) => {
  /** Run a roster change; on success the roster, who I am and the audit log are read again. */
  async function change<T>(run: () => Promise<Result<T>>, done: (data: T) => string): Promise<boolean> {
    set({ busy: true });
    const res = await run();
    set({ busy: false });
    if (!res.ok) {
      reportReviewError(res.error);
      return false;
    }
    useToastStore.getState().show('info', done(res.data));
    await Promise.all([useWorkspaceStore.getState().load(), useIdentityStore.getState().load(), get().loadAudit()]);
    return true;
  }
  /** A change that may hand out an invite code: keep it to show until the manager dismisses it. */
  const changeMember = (run: () => Promise<Result<AddedMember>>, done: (added: AddedMember) => string) =>
    change(run, (added) => {
      const { member, invite } = added;
      if (invite) set({ lastInvite: { id: member.id, name: member.name, code: invite } });
      return done(added);
    });
  return {
    verification: null,
    audit: null,
    busy: false,
    pendingRoles: {},
    lastInvite: null,
    async loadAudit() {
      const [verification, audit] = await Promise.all([
        call('audit.verify', {}),
        call('audit.entries', { offset: 0, limit: pageSize }),
      ]);
      set({
        verification: verification.ok ? verification.data : null,
        audit: audit.ok ? audit.data : null,
      });
      if (!verification.ok) reportReviewError(verification.error);
      // The banner over the studio follows the chain's verdict.
      if (verification.ok && !!useWorkspaceStore.getState().info?.trustProblem !== !!verification.data.firstBroken)
        await useWorkspaceStore.getState().load();
    },
    async more() {
      const current = get().audit;
      if (!current) return;
      const res = await call('audit.entries', { offset: current.entries.length, limit: pageSize });
      if (res.ok) set({ audit: { total: res.data.total, entries: [...current.entries, ...res.data.entries] } });
    },
    add: (input) =>
      changeMember(
        () => call('team.add', input),
        ({ member, invite }) => i18next.t(invite ? 'team.addedInvite' : 'team.added', { name: member.name }),
      ),
    async setRoles(id, roles) {
      set((s) => ({ pendingRoles: { ...s.pendingRoles, [id]: roles } }));
      const saved = await change(
        () => call('team.setRoles', { id, roles }),
        (m) => i18next.t('team.rolesChanged', { name: m.name }),
      );
      set((s) => {
        const { [id]: _done, ...rest } = s.pendingRoles;
        return { pendingRoles: rest };
      });
      return saved;
    },
    rotateKey: (id) =>
      changeMember(
        () => call('team.rotateKey', { id }),
        ({ member }) => i18next.t(member.publicKey ? 'team.rotatedOwn' : 'team.rotatedOther', { name: member.name }),
      ),
    dismissInvite: () => set({ lastInvite: null }),
  };
});

/** How a public key is shown: its first characters, as `almanac team list` prints them. */
export const shortKey = (publicKey: string) => publicKey.replace(/^ed25519:/, '').slice(0, 12);
