import { create } from 'zustand';
import type {
  AgentStatus,
  GateReport,
  MetricDrop,
  PublishOverview,
  PublishResult,
  ReplayReport,
  SnapshotDiff,
} from '../../main/api/index.js';
import { call } from '../api/client';
import { showError } from '../stores/useToastStore';

export type PublishStage = 'build' | 'upload' | 'activate' | 'done';

const stageOrder: PublishStage[] = ['build', 'upload', 'activate', 'done'];

export type { GateReport };
export type GateMetric = MetricDrop['metric'];

/** What publishing now would change, against the live snapshot of `target` (or the last built one when null). */
export interface Comparison {
  target: string | null;
  live: string | null;
  diff: SnapshotDiff;
}

interface PublishState {
  overview: PublishOverview | null;
  /** The URL of the chosen target. */
  selected: string | null;
  status: AgentStatus | null;
  statusState: 'idle' | 'loading' | 'error';
  comparison: Comparison | null;
  comparing: boolean;
  /** The publish under way or just finished; null before the first. */
  stage: PublishStage | null;
  result: PublishResult | null;
  /** The golden-set report of the last publish the core held back, until it succeeds or the target changes. */
  gate: GateReport | null;
  /** The sensitive logged questions that held that publish back: they would no longer go to a person. */
  held: string[];
  load(): Promise<void>;
  select(url: string | null): void;
  loadStatus(): Promise<void>;
  compare(): Promise<void>;
  progress(stage: PublishStage): void;
  saveTarget(input: { url: string; name?: string; token?: string }): Promise<boolean>;
  removeTarget(url: string): Promise<boolean>;
  /** Publish to the chosen target; with `override`, past a failed golden-set gate, giving the reason. */
  publish(override?: string): Promise<PublishResult | null>;
  rollback(id: string): Promise<boolean>;
  reset(): void;
}

const initial = {
  overview: null,
  selected: null,
  status: null,
  statusState: 'idle' as const,
  comparison: null,
  comparing: false,
  stage: null,
  result: null,
  gate: null,
  held: [] as string[],
};

let compareSeq = 0;

export const usePublishStore = create<PublishState>((set, get) => ({
  ...initial,
  async load() {
    const res = await call('publish.overview', {});
    if (!res.ok) return showError(res.error);
    const { selected } = get();
    const keep = res.data.targets.some((t) => t.url === selected) ? selected : (res.data.targets[0]?.url ?? null);
    set({ overview: res.data });
    if (keep !== selected) get().select(keep);
    else void get().compare();
  },
  select(url) {
    set({ selected: url, status: null, statusState: 'idle', comparison: null, gate: null, held: [] });
    void get().loadStatus();
    void get().compare();
  },
  async loadStatus() {
    const url = get().selected;
    if (!url) return;
    set({ statusState: 'loading' });
    const res = await call('publish.agentStatus', { url });
    if (get().selected !== url) return;
    if (res.ok) return set({ status: res.data, statusState: 'idle' });
    set({ status: null, statusState: 'error' });
    showError(res.error);
  },
  async compare() {
    const { overview, selected } = get();
    if (!overview || 'problem' in overview.planned) return set({ comparison: null });
    const mine = ++compareSeq;
    set({ comparing: true });
    const res = await call('publish.compare', selected ? { url: selected } : {});
    if (mine !== compareSeq) return;
    set({ comparing: false });
    if (res.ok) return set({ comparison: { target: selected, ...res.data } });
    set({ comparison: null });
    showError(res.error);
  },
  progress(stage) {
    const current = get().stage;
    if (current === null && get().gate) return;
    if (current === null || stageOrder.indexOf(stage) > stageOrder.indexOf(current)) set({ stage });
  },
  async saveTarget(input) {
    const res = await call('publish.setTarget', input);
    if (!res.ok) {
      showError(res.error);
      return false;
    }
    set({ selected: input.url.trim().replace(/\/+$/, '') });
    await get().load();
    get().select(get().selected);
    return true;
  },
  async removeTarget(url) {
    const res = await call('publish.removeTarget', { url });
    if (!res.ok) {
      showError(res.error);
      return false;
    }
    await get().load();
    return true;
  },
  async publish(override) {
    const url = get().selected;
    if (!url) return null;
    set({ stage: 'build', result: null, ...(override ? {} : { gate: null, held: [] }) });
    const res = await call('publish.run', override ? { url, override } : { url });
    if (!res.ok) {
      const details = res.error.code === 'CONFLICT' ? res.error.details : undefined;
      const gate = details?.gate as GateReport | undefined;
      const held = (details?.replay as ReplayReport | undefined)?.heldBack ?? [];
      set({ stage: null });
      if (gate && get().selected === url) set({ gate, held });
      else showError(res.error);
      return null;
    }
    set({ stage: 'done', result: res.data, gate: null, held: [] });
    void get().load();
    void get().loadStatus();
    return res.data;
  },
  async rollback(id) {
    const url = get().selected;
    if (!url) return false;
    const res = await call('publish.rollback', { url, id });
    if (!res.ok) {
      showError(res.error);
      return false;
    }
    set({ result: null, stage: null });
    void get().load();
    void get().loadStatus();
    return true;
  },
  reset: () => set(initial),
}));

/** A target's name, or its URL when it has none. */
export const targetLabel = (overview: PublishOverview | null, url: string | null): string =>
  (url && overview?.targets.find((t) => t.url === url)?.name) || url || '';
