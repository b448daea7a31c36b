import { create } from 'zustand';
import type { AnswerResult, ProviderSettingsView } from '../../main/api/contract';
import { call } from '../api/client';
import { showError } from '../stores/useToastStore';

export type Against = 'drafts' | 'approved';
export type Provider = 'extractive' | 'openai';

/** One question in one chat column and what came back: streamed text while it runs, then the result. */
export interface Exchange {
  id: string;
  question: string;
  against: Against;
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
  chats: Record<Against, Exchange[]>;
  setCompare(compare: boolean): void;
  setAgainst(against: Against): void;
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

/** The columns on screen: both knowledge sources side by side, or the one chosen. */
export const visibleColumns = (s: Pick<PreviewState, 'compare' | 'against'>): Against[] =>
  s.compare ? ['drafts', 'approved'] : [s.against];

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

const emptyChats = (): Record<Against, Exchange[]> => ({ drafts: [], approved: [] });

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
    chats: emptyChats(),
    setCompare: (compare) => set({ compare }),
    setAgainst: (against) => set({ against }),
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
      const { provider, chats } = get();
      for (const against of visibleColumns(get())) {
        const chat = chats[against];
        if (isBusy(chat)) continue;
        const exchange: Exchange = { id: newId(), question: text, against, streamId: newId(), streamed: '' };
        const history = historyOf(chat);
        set((s) => ({ chats: { ...s.chats, [against]: [...s.chats[against], exchange] } }));
        void call('answer.ask', { question: text, history, against, provider, streamId: exchange.streamId }).then(
          (res) => {
            if (res.ok) return update(against, exchange.id, { result: res.data });
            update(against, exchange.id, { error: res.error.message });
            showError(res.error);
          },
        );
      }
    },
    delta(streamId, text) {
      set((s) => {
        const against = (['drafts', 'approved'] as const).find((a) =>
          s.chats[a].some((e) => e.streamId === streamId && !e.result),
        );
        if (!against) return s;
        const chat = s.chats[against].map((e) => (e.streamId === streamId ? { ...e, streamed: e.streamed + text } : e));
        return { chats: { ...s.chats, [against]: chat } };
      });
    },
    feedbackSaved: (e) => update(e.against, e.id, { feedbackSaved: true }),
    reset: () => set({ chats: emptyChats() }),
  };
});
