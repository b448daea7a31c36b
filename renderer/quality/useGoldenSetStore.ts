import { create } from 'zustand';
import type { GoldenQuestion, GoldenSet, GoldenSetSummary } from '../../main/api/index.js';
import { call } from '../api/client';
import { showError } from '../stores/useToastStore';

/** A golden set's name as the core accepts it. */
export const setNamePattern = /^[\w-]{1,100}$/;

interface GoldenSetState {
  sets: GoldenSetSummary[] | null;
  selected: string | null;
  /** The set as the file holds it: its questions and unreadable lines. */
  saved: GoldenSet | null;
  /** The questions being edited. */
  draft: GoldenQuestion[];
  dirty: boolean;
  saving: boolean;
  /** The last save was refused: the file changed since it was loaded. */
  conflict: boolean;
  load(): Promise<void>;
  open(name: string): Promise<void>;
  /** Open the set of that name, creating it empty when there is none. */
  create(name: string): Promise<boolean>;
  add(): void;
  update(index: number, patch: Partial<GoldenQuestion>): void;
  remove(index: number): void;
  discard(): void;
  /** Save on the version loaded; `overwrite` saves over whatever the file holds now. */
  save(overwrite?: boolean): Promise<boolean>;
  reset(): void;
}

const initial = { sets: null, selected: null, saved: null, draft: [], dirty: false, saving: false, conflict: false };

function nextId(questions: GoldenQuestion[]): string {
  const taken = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n++;
  return `q${n}`;
}

/** Whether every question can be saved (the core rejects one without text). */
export const draftValid = (draft: GoldenQuestion[]) => draft.every((q) => q.question.trim().length > 0);

export const useGoldenSetStore = create<GoldenSetState>((set, get) => ({
  ...initial,
  async load() {
    const res = await call('evals.sets', {});
    if (!res.ok) return showError(res.error);
    set({ sets: res.data });
  },
  async open(name) {
    set({ selected: name, saved: null, draft: [], dirty: false, conflict: false });
    const res = await call('evals.get', { name });
    if (get().selected !== name) return;
    if (!res.ok) {
      set({ selected: null });
      showError(res.error);
      return void get().load();
    }
    set({ saved: res.data, draft: res.data.questions });
  },
  async create(name) {
    const known = get().sets?.some((s) => s.name === name);
    if (!known) {
      const existing = await call('evals.get', { name });
      if (!existing.ok && existing.error.code !== 'NOT_FOUND') {
        showError(existing.error);
        return false;
      }
      if (!existing.ok) {
        const res = await call('evals.save', { name, questions: [], base: '' });
        if (!res.ok) {
          showError(res.error);
          return false;
        }
      }
      await get().load();
    }
    await get().open(name);
    return true;
  },
  add: () =>
    set((s) => ({
      draft: [...s.draft, { id: nextId(s.draft), question: '', expected: [], handoff: false, facts: [] }],
      dirty: true,
    })),
  update: (index, patch) =>
    set((s) => ({ draft: s.draft.map((q, i) => (i === index ? { ...q, ...patch } : q)), dirty: true })),
  remove: (index) => set((s) => ({ draft: s.draft.filter((_, i) => i !== index), dirty: true })),
  discard: () => set((s) => ({ draft: s.saved?.questions ?? [], dirty: false, conflict: false })),
  async save(overwrite = false) {
    const { selected: name, draft } = get();
    if (!name || !draftValid(draft)) return false;
    set({ saving: true });
    const questions = draft.map((q) => ({ ...q, question: q.question.trim(), expected: [...new Set(q.expected)] }));
    const base = overwrite ? undefined : get().saved?.version;
    const res = await call('evals.save', { name, questions, base });
    set({ saving: false });
    if (!res.ok) {
      if (res.error.code === 'CONFLICT') set({ conflict: true });
      else showError(res.error);
      return false;
    }
    if (get().selected === name)
      set(
        get().draft === draft
          ? { saved: res.data, draft: res.data.questions, dirty: false, conflict: false }
          : { saved: res.data, conflict: false },
      );
    void get().load();
    return true;
  },
  reset: () => set(initial),
}));
