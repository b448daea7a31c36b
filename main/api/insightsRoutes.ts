import { z } from 'zod';
import type { Problem } from '../AlmanacError.js';
import type { Article } from '../articles/index.js';
import type { GapCluster, InsightsReport } from '../insights/index.js';
import { returns } from './routeOutput.js';

/** A logged conversation as the insights list shows it: personal data masked. */
export interface ConversationView {
  id: string;
  time: string;
  questions: string[];
  /** The agent's answer to each question, as logged (a CSV export has only the first). */
  answers: string[];
  handedOff: boolean;
  topic: string | null;
  resolved: boolean | null;
  articleIds: string[];
  /** The snapshot that answered it, when the log says. */
  snapshot: string | null;
}

/** A conversation's questions answered again by one knowledge: a stored snapshot or the approved articles. */
export interface ReanswerView {
  against: string;
  answers: {
    question: string;
    answer: string;
    citations: { articleId: string; title: string }[];
    handoff: { topic: string; kind: string } | null;
    confidence: number;
  }[];
}

/** What the insights screen shows: the figures, the lines that could not be read, and the content gaps. */
export interface InsightsView {
  report: InsightsReport;
  problems: Problem[];
  gaps: GapCluster[];
  /** The newest conversations first (at most 200), masked. */
  conversations: ConversationView[];
  /** The snapshots a conversation can be answered again with: the live agent's, else those built here. */
  snapshots: { id: string; createdAt: string; live: boolean }[];
}

/** Insights: a log's figures and content gaps, a conversation answered again, a draft from a gap. */
export const insightsRoutes = {
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
} as const;
