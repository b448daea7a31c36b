import { z } from 'zod';
import { returns } from './routeOutput.js';
import { articleIdSchema } from '../articles/index.js';
import type { GoldenRun, GoldenSet, RunComparison } from '../evaluation/index.js';
import type { HealthReport } from '../health/index.js';

const setName = z.string().regex(/^[\w-]{1,100}$/, 'use letters, digits, "-" or "_"');
const goldenQuestionSchema = z.object({
  id: z.string().trim().min(1).max(100).optional(),
  question: z.string().trim().min(1, 'A question needs text').max(4000),
  expected: z.array(articleIdSchema).max(50).default([]),
  handoff: z.boolean().default(false),
  facts: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  locale: z.string().max(20).optional(),
});

/** A golden set in the list: its size, unreadable lines and last run. */
export interface GoldenSetSummary {
  name: string;
  questions: number;
  problems: number;
  lastRun: Omit<GoldenRun, 'outcomes' | 'versions'> | null;
}

/** Golden sets: list, edit, run against drafts, approved or a snapshot, compare runs. */
export const evalRoutes = {
  'evals.sets': { input: z.object({}), output: returns<GoldenSetSummary[]>() },
  'evals.get': { input: z.object({ name: setName }), output: returns<GoldenSet>() },
  'evals.save': {
    input: z.object({
      name: setName,
      questions: z.array(goldenQuestionSchema.required({ id: true })).max(5000),
      /** The set's version when the editor loaded it: a set changed since is a CONFLICT, nothing is written. */
      base: z.string().max(64).optional(),
    }),
    output: returns<GoldenSet>(),
  },
  /** Add one question (from the preview's "save as test", or live feedback); creates the set if needed. */
  'evals.add': { input: z.object({ name: setName, question: goldenQuestionSchema }), output: returns<GoldenSet>() },
  'evals.run': {
    input: z.object({
      name: setName,
      /** drafts, approved, or the id of a snapshot built in this workspace. */
      against: z.union([z.enum(['drafts', 'approved']), z.string().regex(/^[0-9a-f]{8,64}$/)]).default('drafts'),
      k: z.number().int().min(1).max(20).default(5),
    }),
    output: returns<GoldenRun>(),
  },
  /** Turn unhelpful answer feedback that names the article that should have answered into questions of a set. */
  'evals.fromFeedback': { input: z.object({ name: setName }), output: returns<{ added: number; set: GoldenSet }>() },
  'evals.runs': { input: z.object({ name: setName }), output: returns<Omit<GoldenRun, 'outcomes' | 'versions'>[]>() },
  'evals.runDetail': { input: z.object({ name: setName, id: z.string().max(200) }), output: returns<GoldenRun>() },
  'evals.compare': {
    input: z.object({ name: setName, before: z.string().max(200), after: z.string().max(200) }),
    output: returns<RunComparison>(),
  },
} as const;

/** Knowledge health: duplicates, conflicts and stale articles. */
export const healthRoutes = {
  'health.report': { input: z.object({}), output: returns<HealthReport>() },
} as const;
