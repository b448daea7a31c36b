import { z } from 'zod';
import { returns } from './routeOutput.js';
import { articleIdSchema } from '../articles/index.js';
import type { Article } from '../articles/index.js';
import type { GoldenRun, GoldenSet, RunComparison } from '../evaluation/index.js';
import type { HealthReport } from '../health/index.js';
import type { InsightsView, ReanswerView } from './insightsHandlers.js';

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

/** Golden sets, insights and knowledge health. */
export const qualityRoutes = {
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
  /** Insights from a log read in the studio (JSONL from an agent, or the CSV export) or from a live agent's own log. */
  'insights.report': {
    input: z
      .object({
        log: z
          .object({ name: z.string().max(500), format: z.enum(['jsonl', 'csv']), text: z.string().max(30_000_000) })
          .optional(),
        target: z.string().max(2000).optional(),
        costs: z
          .object({ humanTicket: z.number().min(0).max(1e6), automatedAnswer: z.number().min(0).max(1e6) })
          .default({ humanTicket: 5, automatedAnswer: 0.25 }),
      })
      .refine((v) => Boolean(v.log) !== Boolean(v.target), 'Give either a log or a live agent (target)'),
    output: returns<InsightsView>(),
  },
  /**
   * Answer one logged conversation's questions again, in order, with a stored snapshot (built here,
   * or stored by the live agent `target`) or with the approved articles: what the customer was told
   * against what they would be told.
   */
  'insights.reanswer': {
    input: z.object({
      questions: z.array(z.string().trim().min(1).max(4000)).min(1).max(50),
      against: z.union([z.literal('approved'), z.string().regex(/^[0-9a-f]{8,64}$/, 'a snapshot id')]),
      target: z.string().max(2000).optional(),
    }),
    output: returns<ReanswerView>(),
  },
  /** A draft article from a content gap (by the answer provider when one is set up, else a template). */
  'insights.createArticle': {
    input: z.object({
      cluster: z.object({
        id: z.string().max(200),
        label: z.string().max(500),
        examples: z.array(z.string().max(4000)).max(50),
        volume: z.number().int().min(0),
        reasons: z.record(z.string(), z.number()),
        language: z.enum(['en', 'zh']),
        questions: z
          .array(
            z.object({ question: z.string().max(4000), reason: z.enum(['handoff', 'low-confidence', 'unresolved']) }),
          )
          .max(200)
          .default([]),
        relatedArticles: z.array(z.string().max(200)).max(50).default([]),
      }),
    }),
    output: returns<Article>(),
  },
  /** Near-duplicate passages and conflicting statements across customer-facing articles. */
  'health.report': { input: z.object({}), output: returns<HealthReport>() },
} as const;
