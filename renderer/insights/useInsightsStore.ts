import { create } from 'zustand';
import type { Article, GapCluster, HealthReport, RouteOutput } from '../../main/api/index.js';
import { call } from '../api/client';
import { showError } from '../stores/useToastStore';

export type InsightsData = RouteOutput<'insights.report'>;
export type InsightsSource = { log: { name: string; format: 'jsonl' | 'csv'; text: string } } | { target: string };
export type InsightsTab = 'dashboard' | 'gaps' | 'conversations' | 'health';

interface Costs {
  humanTicket: number;
  automatedAnswer: number;
}

interface InsightsState {
  tab: InsightsTab;
  source: InsightsSource | null;
  costs: Costs;
  /** The currency costs and savings are in (ISO 4217), kept on this computer. */
  currency: string;
  data: InsightsData | null;
  loading: boolean;
  /** The gap whose draft is being written. */
  creating: string | null;
  health: HealthReport | null;
  checking: boolean;
  setTab(tab: InsightsTab): void;
  load(source: InsightsSource): Promise<void>;
  setCosts(costs: Partial<Costs>): void;
  setCurrency(currency: string): void;
  createArticle(cluster: GapCluster): Promise<Article | null>;
  checkHealth(): Promise<void>;
  reset(): void;
}

const initial = {
  tab: 'dashboard' as InsightsTab,
  source: null,
  costs: { humanTicket: 5, automatedAnswer: 0.25 },
  currency: savedCurrency(),
  data: null,
  loading: false,
  creating: null,
  health: null,
  checking: false,
};

const currencyKey = 'almanac.insights.currency';

/** The currency chosen on this computer before, else the interface language's usual one. */
function savedCurrency(): string {
  const saved = globalThis.localStorage?.getItem(currencyKey);
  if (saved) return saved;
  return globalThis.navigator?.language?.startsWith('zh') ? 'CNY' : 'USD';
}

let seq = 0;
let costTimer: ReturnType<typeof setTimeout> | undefined;

/** The Insights view's state: the log read, its report and gaps, the costs, and the knowledge health check. */
export const useInsightsStore = create<InsightsState>((set, get) => ({
  ...initial,
  setTab: (tab) => set({ tab }),
  async load(source) {
    const mine = ++seq;
    set({ source, loading: true });
    const res = await call('insights.report', { ...source, costs: get().costs });
    if (mine !== seq) return;
    set({ loading: false });
    if (!res.ok) return showError(res.error);
    set({ data: res.data });
  },
  setCosts(costs) {
    set((s) => ({ costs: { ...s.costs, ...costs } }));
    clearTimeout(costTimer);
    costTimer = setTimeout(() => {
      const { source } = get();
      if (source) void get().load(source);
    }, 300);
  },
  setCurrency(currency) {
    globalThis.localStorage?.setItem(currencyKey, currency);
    set({ currency });
  },
  async createArticle(cluster) {
    set({ creating: cluster.id });
    const res = await call('insights.createArticle', { cluster });
    set({ creating: null });
    if (!res.ok) {
      showError(res.error);
      return null;
    }
    return res.data;
  },
  async checkHealth() {
    set({ checking: true });
    const res = await call('health.report', {});
    set({ checking: false });
    if (!res.ok) return showError(res.error);
    set({ health: res.data });
  },
  reset: () => {
    clearTimeout(costTimer);
    seq++;
    set({ ...initial, currency: get().currency });
  },
}));
