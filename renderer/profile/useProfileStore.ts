import { create } from 'zustand';
import type { AgentProfileMeta, Problem, ProfileView, ReviewSubject } from '../../main/api/index.js';
import { call } from '../api/client';
import { i18next } from '../i18n';
import { reportReviewError } from '../stores/useIdentityStore';
import { showError, useToastStore } from '../stores/useToastStore';
import { cleanMeta, newIntent, newProfileMeta, type Intent, type IntentList } from './profileMeta';

export type ProfileSaveState = 'saved' | 'dirty' | 'saving' | 'error';

interface ProfileState {
  status: 'idle' | 'loading' | 'ready' | 'missing' | 'broken';
  meta: AgentProfileMeta | null;
  instructions: string;
  /** The content hash of the file as loaded or last saved: the base of the next save. */
  version?: string;
  /** Bumped when the instructions are replaced from outside the editor (load, reload). */
  revision: number;
  /** Stable React keys for the intents of each list, so removing one keeps the others' state. */
  keys: Record<IntentList, number[]>;
  saveState: ProfileSaveState;
  /** The file's text and what to fix, when it does not parse. */
  broken: { text?: string; problems: Problem[] } | null;
  /** What the core refused on the last save, by field path (`handoff.2.topic`). */
  problems: Problem[];
  conflict: boolean;
  review: ReviewSubject | null;
  /** Load from disk unless unsaved edits are waiting (`force` discards them). */
  load(force?: boolean): Promise<void>;
  loadReview(): Promise<void>;
  edit(patch: Partial<AgentProfileMeta>): void;
  editIntent(list: IntentList, index: number, patch: Partial<Intent>): void;
  addIntent(list: IntentList): void;
  removeIntent(list: IntentList, index: number): void;
  setInstructions(markdown: string): void;
  /** Write the file; `force` saves over a newer file on disk. */
  save(force?: boolean): Promise<boolean>;
  saveVersion(message: string): Promise<boolean>;
  submit(): Promise<boolean>;
  startNew(name: string): void;
  discard(): void;
}

let nextKey = 1;
let edits = 0;
let inFlight: Promise<boolean> | undefined;
const keysFor = (meta: AgentProfileMeta | null): Record<IntentList, number[]> => ({
  handoff: (meta?.handoff ?? []).map(() => nextKey++),
  out: (meta?.scope.out ?? []).map(() => nextKey++),
});
const listOf = (meta: AgentProfileMeta, list: IntentList) => (list === 'handoff' ? meta.handoff : meta.scope.out);
const withList = (meta: AgentProfileMeta, list: IntentList, intents: Intent[]): AgentProfileMeta =>
  list === 'handoff' ? { ...meta, handoff: intents } : { ...meta, scope: { ...meta.scope, out: intents } };

const initial = {
  status: 'idle' as const,
  meta: null,
  instructions: '',
  version: undefined,
  keys: { handoff: [], out: [] },
  saveState: 'saved' as const,
  broken: null,
  problems: [],
  conflict: false,
  review: null,
};

export const useProfileStore = create<ProfileState>((set, get) => {
  const changed = (next: Partial<ProfileState>) => {
    edits++;
    set({ ...next, saveState: 'dirty' });
  };
  const fromView = (view: ProfileView): Partial<ProfileState> => {
    const meta = view.profile?.meta ?? null;
    return {
      status: view.profile ? 'ready' : view.problems ? 'broken' : 'missing',
      meta,
      instructions: view.profile?.instructions ?? '',
      version: view.version,
      keys: keysFor(meta),
      broken: view.problems ? { text: view.text, problems: view.problems } : null,
      saveState: 'saved',
      problems: [],
      conflict: false,
      revision: get().revision + 1,
    };
  };
  async function write(force: boolean): Promise<boolean> {
    const { meta, instructions, version } = get();
    if (!meta) return false;
    const started = edits;
    set({ saveState: 'saving' });
    const res = await call('profile.save', {
      meta: cleanMeta(meta),
      instructions,
      baseVersion: force ? undefined : version,
    });
    if (!res.ok) {
      const { code, details, message } = res.error;
      if (code === 'CONFLICT') set({ conflict: true, saveState: 'error' });
      else if (code === 'VALIDATION_FAILED') set({ problems: details?.problems ?? [{ message }], saveState: 'error' });
      else {
        set({ saveState: 'error' });
        showError(res.error);
      }
      return false;
    }
    const typedMeanwhile = edits !== started;
    set({
      version: res.data.version,
      problems: [],
      conflict: false,
      saveState: typedMeanwhile ? 'dirty' : 'saved',
      ...(typedMeanwhile || !res.data.profile ? {} : { meta: res.data.profile.meta }),
    });
    void get().loadReview();
    return true;
  }
  const saveIfNeeded = async () => get().saveState === 'saved' || (await get().save());

  return {
    ...initial,
    revision: 0,
    async load(force = false) {
      if (!force && get().meta && get().saveState !== 'saved') return get().loadReview();
      if (get().status === 'idle') set({ status: 'loading' });
      const res = await call('profile.get', {});
      if (!force && get().meta && get().saveState !== 'saved') return;
      if (!res.ok) {
        const { code, message, details } = res.error;
        if (code !== 'VALIDATION_FAILED') showError(res.error);
        set({ ...fromView({}), status: 'broken', broken: { problems: details?.problems ?? [{ message }] } });
        return;
      }
      // The same file as shown: keep the form as it is (open topics stay open, nothing remounts).
      const same = !force && get().meta && get().status === 'ready' && res.data.version === get().version;
      if (!same) set(fromView(res.data));
      await get().loadReview();
    },
    async loadReview() {
      const res = await call('review.profile', {});
      set({ review: res.ok ? res.data : null });
    },
    edit: (patch) => {
      const { meta } = get();
      if (meta) changed({ meta: { ...meta, ...patch } });
    },
    editIntent(list, index, patch) {
      const { meta } = get();
      if (!meta) return;
      changed({
        meta: withList(
          meta,
          list,
          listOf(meta, list).map((it, i) => (i === index ? { ...it, ...patch } : it)),
        ),
      });
    },
    addIntent(list) {
      const { meta, keys } = get();
      if (!meta) return;
      changed({
        meta: withList(meta, list, [...listOf(meta, list), newIntent()]),
        keys: { ...keys, [list]: [...keys[list], nextKey++] },
      });
    },
    removeIntent(list, index) {
      const { meta, keys, problems } = get();
      if (!meta) return;
      changed({
        meta: withList(
          meta,
          list,
          listOf(meta, list).filter((_, i) => i !== index),
        ),
        keys: { ...keys, [list]: keys[list].filter((_, i) => i !== index) },
        problems: problems.filter((p) => !p.field?.startsWith(list === 'handoff' ? 'handoff.' : 'scope.out.')),
      });
    },
    setInstructions: (instructions) => {
      if (instructions !== get().instructions) changed({ instructions });
    },
    async save(force = false) {
      while (inFlight) await inFlight;
      inFlight = write(force);
      try {
        return await inFlight;
      } finally {
        inFlight = undefined;
      }
    },
    async saveVersion(message) {
      if (!(await saveIfNeeded())) return false;
      const res = await call('versions.commit', { ids: ['@profile'], message });
      if (!res.ok) {
        if (res.error.code === 'NO_CHANGES') useToastStore.getState().show('info', i18next.t('profile.nothingChanged'));
        else reportReviewError(res.error);
        return false;
      }
      useToastStore.getState().show('info', i18next.t('profile.versionSaved'));
      await get().loadReview();
      return true;
    },
    async submit() {
      if (!(await saveIfNeeded())) return false;
      const res = await call('review.submit', { id: '@profile' });
      if (!res.ok) {
        reportReviewError(res.error);
        return false;
      }
      useToastStore.getState().show('info', i18next.t('profile.submitted'));
      await get().loadReview();
      return true;
    },
    startNew(name) {
      const meta = newProfileMeta(name);
      changed({ status: 'ready', meta, instructions: '', keys: keysFor(meta), revision: get().revision + 1 });
    },
    discard: () => set({ ...initial }),
  };
});

/** The problems the core reported for a field and the fields inside it. */
export function useFieldProblems(field: string): Problem[] {
  const problems = useProfileStore((s) => s.problems);
  return problems.filter((p) => p.field === field || p.field?.startsWith(`${field}.`));
}
