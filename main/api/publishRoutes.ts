import { z } from 'zod';
import { returns } from './routeOutput.js';
import type { PublishLogEntry, PublishResult, SnapshotDiff, TargetView } from '../publish/index.js';
import type { ReplayReport } from '../replay/index.js';

/** How many days of the live agent's log a replay reads, counting today. */
const replayDays = z.number().int().min(1).max(365).default(7);

/** What the customers' logged questions would get from the planned knowledge, against the live snapshot. */
export interface ReplayView {
  /** The snapshot the target serves (null: nothing is live, so nothing to compare). */
  live: string | null;
  /** The first day whose questions were read (YYYY-MM-DD). */
  since: string;
  /** Null when nothing is live on the target. */
  report: ReplayReport | null;
  /** Log lines that could not be read (the rest still counts). */
  problems: number;
}

/** A snapshot built in this workspace. */
export interface BuiltSnapshotView {
  id: string;
  createdAt: string;
  createdBy: string;
  articles: number;
  parent: string | null;
}

/** The publish screen's state: what a publish would hold now, what was built, where it can go, what happened. */
export interface PublishOverview {
  planned:
    { id: string; articles: number; leftOut: { id: string; title: string; audience: string }[] } | { problem: string };
  built: BuiltSnapshotView[];
  targets: TargetView[];
  /** Why the saved targets could not be read (a damaged file is left as it is). */
  targetsProblem?: string;
  log: PublishLogEntry[];
  /** The member signed in here is a manager. */
  canPublish: boolean;
}

/** A live agent's state. */
export interface AgentStatus {
  active: string | null;
  snapshots: {
    id: string;
    createdAt: string;
    createdBy: string;
    articles: number;
    parent: string | null;
    active: boolean;
  }[];
  /** How the active snapshot is searched there, and who writes the answers (agents before these fields: absent). */
  search?: { mode: 'hybrid' | 'lexical'; model: string | null; snapshotModel: string | null } | null;
  provider?: string;
}
/** Snapshots, live agents, publish and rollback. */
export const publishRoutes = {
  'publish.overview': { input: z.object({}), output: returns<PublishOverview>() },
  /** What publishing now would change against the live snapshot of a target (or the last built one). */
  'publish.compare': {
    input: z.object({ url: z.string().max(2000).optional() }),
    output: returns<{ live: string | null; diff: SnapshotDiff }>(),
  },
  'publish.setTarget': {
    input: z.object({
      url: z
        .string()
        .trim()
        .regex(/^https?:\/\//i, 'An agent URL starts with http:// or https://')
        .max(2000),
      name: z.string().trim().max(200).optional(),
      token: z.string().max(500).optional(),
    }),
    output: returns<TargetView[]>(),
  },
  'publish.removeTarget': { input: z.object({ url: z.string().max(2000) }), output: returns<TargetView[]>() },
  'publish.agentStatus': { input: z.object({ url: z.string().max(2000) }), output: returns<AgentStatus>() },
  /** Replay the target's logged customer questions of the last `days` against its live snapshot and the planned knowledge. */
  'publish.replay': {
    input: z.object({ url: z.string().max(2000), days: replayDays }),
    output: returns<ReplayView>(),
  },
  /**
   * CONFLICT (details.gate, details.replay) when a golden set would get worse or a sensitive question
   * customers asked in the last `days` would no longer be handed off; `override` with a reason
   * publishes anyway, audited with the questions it let through.
   */
  'publish.run': {
    input: z.object({
      url: z.string().max(2000),
      override: z.string().trim().max(2000).optional(),
      days: replayDays,
    }),
    output: returns<PublishResult & { replay?: ReplayReport }>(),
  },
  'publish.rollback': {
    input: z.object({ url: z.string().max(2000), id: z.string().regex(/^[0-9a-f]{8,64}$/, 'a snapshot id') }),
    output: returns<{ active: string }>(),
  },
} as const;
