import { create } from 'zustand';
import type { AnswerResult, ProviderSettingsView, TargetView } from '../../main/api/index.js';
import { call } from '../api/client';
import { i18next } from '../i18n';
import { showError, useToastStore } from '../stores/useToastStore';

export type Against = 'drafts' | 'approved' | 'live';

const allColumns: Against[] = ['drafts', 'approved', 'live'];
export type Provider = 'extractive' | 'openai';

/** One question in one chat column and what came back: streamed text while it runs, then the result. */
export interface Exchange {
  id: string;
  question: string;
  against: Against;
  /** The live agent that answered (`against: 'live'`). */
  target?: string;
  streamId: string;
  streamed: string;
  result?: AnswerResult;
  error?: string;
  feedbackSaved?: boolean;
}

interface PreviewState {
  compare: boolean;
  /** The knowledge of the single column (compare shows both). */
  against: Against;
  provider: Provider;
  settings: ProviderSettingsView | null;
  /** The live agents saved on the Publish screen, and the one the live column asks. */
  targets: TargetView[];
  target: string | null;
  chats: Record<Against, Exchange[]>;
  setCompare(compare: boolean): void;
  setAgainst(against: Against): void;
  loadTargets(): Promise<void>;
  setTarget(url: string): void;
  setProvider(provider: Provider): void;
  loadSettings(): Promise<void>;
  setSettings(settings: ProviderSettingsView): void;
  ask(question: string): void;
  delta(streamId: string, text: string): void;
  feedbackSaved(exchange: Exchange): void;
  reset(): void;
}

const maxHistoryTurns = 40;
let seq = 0;
const newId = () => `${Date.now().toString(36)}-${(++seq).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The columns on screen: the knowledge sources side by side (live too when a target is chosen), or the one chosen. */
export const visibleColumns = (s: Pick<PreviewState, 'compare' | 'against' | 'target'>): Against[] =>
  s.compare ? (s.target ? allColumns : ['drafts', 'approved']) : [s.against];

/** Whether a column still waits for an answer. */
export const isBusy = (chat: Exchange[]) => chat.some((e) => !e.result && e.error === undefined);

function historyOf(chat: Exchange[]) {
  return chat
    .flatMap((e) =>
      e.result
        ? [
            { role: 'customer' as const, text: e.question },
            { role: 'agent' as const, text: e.result.answer },
          ]
        : [],
    )
    .slice(-maxHistoryTurns);
}

const emptyChats = (): Record<Against, Exchange[]> => ({ drafts: [], approved: [], live: [] });

export const usePreviewStore = create<PreviewState>((set, get) => {
  const update = (against: Against, id: string, patch: Partial<Exchange>) =>
    set((s) => ({
      chats: { ...s.chats, [against]: s.chats[against].map((e) => (e.id === id ? { ...e, ...patch } : e)) },
    }));

  return {
    compare: false,
    against: 'drafts',
    provider: 'extractive',
    settings: null,
    targets: [],
    target: null,
    chats: emptyChats(),
    setCompare: (compare) => set({ compare }),
    setAgainst: (against) => set({ against }),
    async loadTargets() {
      const res = await call('publish.overview', {});
      if (!res.ok) return showError(res.error);
      const { targets } = res.data;
      const kept = targets.some((t) => t.url === get().target) ? get().target : (targets[0]?.url ?? null);
      set({ targets, target: kept, against: !kept && get().against === 'live' ? 'drafts' : get().against });
    },
    setTarget: (target) => set({ target }),
    setProvider: (provider) => set({ provider }),
    async loadSettings() {
      const res = await call('answer.providerSettings', {});
      if (res.ok) set({ settings: res.data });
      else showError(res.error);
    },
    setSettings: (settings) => set({ settings }),
    ask(question) {
      const text = question.trim();
      if (!text) return;
      const { provider, chats, target: chosen } = get();
      for (const against of visibleColumns(get())) {
        const chat = chats[against];
        if (isBusy(chat)) continue;
        const target = against === 'live' ? (chosen ?? undefined) : undefined;
        if (against === 'live' && !target) {
          useToastStore.getState().show('error', i18next.t('preview.noTarget'));
          continue;
        }
        const exchange: Exchange = { id: newId(), question: text, against, target, streamId: newId(), streamed: '' };
        const history = historyOf(chat);
        set((s) => ({ chats: { ...s.chats, [against]: [...s.chats[against], exchange] } }));
        const input = { question: text, history, against, target, provider, streamId: exchange.streamId };
        void call('answer.ask', input).then((res) => {
          if (res.ok) return update(against, exchange.id, { result: res.data });
          update(against, exchange.id, { error: res.error.message });
          showError(res.error);
        });
      }
    },
    delta(streamId, text) {
      set((s) => {
        const against = allColumns.find((a) => s.chats[a].some((e) => e.streamId === streamId && !e.result));
        if (!against) return s;
        const chat = s.chats[against].map((e) => (e.streamId === streamId ? { ...e, streamed: e.streamed + text } : e));
        return { chats: { ...s.chats, [against]: chat } };
      });
    },
    feedbackSaved: (e) => update(e.against, e.id, { feedbackSaved: true }),
    reset: () => set({ chats: emptyChats() }),
  };
});
