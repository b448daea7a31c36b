import type { Knowledge } from '../answer/index.js';
import type { GoldenSet } from './goldenSet.js';
import type { GoldenMetrics } from './goldenMetrics.js';
import { runGoldenSet, type GoldenRun } from './runGoldenSet.js';

/** A metric that fell by more than the threshold. */
export interface MetricDrop {
  metric: 'hitAtK' | 'mrr' | 'ndcg10' | 'handoffRecall' | 'handoffPrecision' | 'grounded';
  live: number;
  next: number;
}

export interface GateReport {
  passed: boolean;
  threshold: number;
  sets: {
    set: string;
    live: GoldenMetrics | null;
    next: GoldenMetrics;
    drops: MetricDrop[];
    runs: { live?: GoldenRun; next: GoldenRun };
  }[];
}

/** How far a metric may fall before a publish is held back: 0.02 (two points of hit@k, MRR, …). */
export const defaultGateThreshold = 0.02;

const figures = (m: GoldenMetrics): Record<MetricDrop['metric'], number> => ({
  hitAtK: m.hitAtK,
  mrr: m.mrr,
  ndcg10: m.ndcg10,
  handoffRecall: m.handoff.recall,
  handoffPrecision: m.handoff.precision,
  grounded: m.grounded,
});

/**
 * Run every golden set against the snapshot about to be published and against the live one, and
 * hold the publish back when any metric of any set falls by more than `threshold`. With nothing
 * live yet there is nothing to fall from, and the gate passes.
 */
export async function publishGate(
  sets: GoldenSet[],
  next: Knowledge,
  live: Knowledge | null,
  threshold = defaultGateThreshold,
): Promise<GateReport> {
  const out: GateReport['sets'] = [];
  for (const set of sets) {
    const nextRun = await runGoldenSet(next, set, { against: 'next' });
    const liveRun = live ? await runGoldenSet(live, set, { against: 'live' }) : undefined;
    const drops: MetricDrop[] = [];
    if (liveRun) {
      const [a, b] = [figures(liveRun.metrics), figures(nextRun.metrics)];
      for (const metric of Object.keys(a) as MetricDrop['metric'][])
        if (a[metric] - b[metric] > threshold + 1e-9) drops.push({ metric, live: a[metric], next: b[metric] });
    }
    out.push({
      set: set.name,
      live: liveRun?.metrics ?? null,
      next: nextRun.metrics,
      drops,
      runs: { live: liveRun, next: nextRun },
    });
  }
  return { passed: out.every((s) => s.drops.length === 0), threshold, sets: out };
}
