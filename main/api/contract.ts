import { z } from 'zod';
import type { ErrorCode, Problem } from '../AlmanacError.js';
import { articleIdSchema, articleMetaSchema, audiences } from '../articles/articleMeta.js';
import type { Article, ArticleSummary } from '../articles/types.js';
import type { ArticleDiff, ArticleVersion, CommitResult } from '../versions/index.js';
import type { Member } from '../workspace/workspaceConfig.js';
import type { IndexStatus } from '../indexing/index.js';
import type { SearchNotice, SearchResponse, SearchResult } from '../retrieval/index.js';
import type { ModelInstallProgress, ModelLocation, ModelStatus } from '../embedding/index.js';
import type { AuditVerification } from '../audit/index.js';
import type { SyncConflict, SyncResult } from '../sync/index.js';
import type {
  AttentionItem,
  QueueItem,
  ReadRecord,
  ReverifyResult,
  ReviewOutcome,
  ReviewSubject,
} from '../review/index.js';
import { anchorSchema, subjectIdSchema } from '../review/reviewRecords.js';
import { roles } from '../workspace/workspaceConfig.js';
import type { ReviewFacts } from '../articles/articleStatus.js';
import type { AgentProfile, AnswerFeedback, AnswerResult, ProviderSettingsView } from '../answer/index.js';
import { feedbackInputSchema } from '../answer/feedbackSchema.js';
import type { PublishLogEntry, PublishResult, SnapshotDiff, TargetView } from '../publish/index.js';
import type { GoldenRun, GoldenSet, RunComparison } from '../evaluation/index.js';
import type { InsightsView } from './insightsHandlers.js';
import type { HealthReport } from '../health/index.js';

export type { Article, ArticleSummary, ArticleDiff, ArticleVersion, CommitResult, Member, ErrorCode, Problem };
export type { IndexStatus, SearchResponse, SearchResult };
export type { SyncConflict, SyncResult };
export type {
  AuditVerification,
  AttentionItem,
  QueueItem,
  ReadRecord,
  ReverifyResult,
  ReviewOutcome,
  ReviewFacts,
  ReviewSubject,
};
export type { ReviewSummary } from '../articles/articleStatus.js';
export type { AgentProfile, AnswerFeedback, AnswerResult, ProviderSettingsView };
export type { AgentProfileMeta, Citation, Handoff, AnswerTrace, TracedChunk } from '../answer/index.js';
export type { GroundedSentence } from '../answer/index.js';
export type { PublishLogEntry, PublishResult, SnapshotDiff, TargetView };
export type { InsightsView, HealthReport };
export type { ConflictPair, DuplicatePair, HealthPassage } from '../health/index.js';
export type { InsightsReport, Figures, GapCluster } from '../insights/index.js';
export type {
  GoldenSet,
  GoldenQuestion,
  GoldenRun,
  GoldenMetrics,
  QuestionOutcome,
  RunComparison,
} from '../evaluation/index.js';
/** Sent as `error.details.gate` when `publish.run` is held back by the golden sets. */
export type { GateReport, MetricDrop } from '../evaluation/index.js';

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
  planned: { id: string; articles: number } | { problem: string };
  built: BuiltSnapshotView[];
  targets: TargetView[];
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
}
export type { SearchNotice, ModelStatus, ModelLocation, ModelInstallProgress };
export type { ArticleMeta } from '../articles/articleMeta.js';
export type { ArticleStatus, VersionState } from '../articles/articleStatus.js';

/** A route's output type, carried by the contract without a runtime schema. */
const returns = <T>() => undefined as unknown as T;

const articleRef = z.object({ id: articleIdSchema });

export interface WorkspaceInfo {
  root: string;
  name: string;
  locales: string[];
  team: Member[];
  transport?: 'ipc' | 'http';
}

/** Who this studio acts as, and who it could be. */
export interface Identity {
  /** The member chosen on this machine, when their key is here. */
  me?: Member;
  /** A member chosen earlier whose key is not on this machine (needs a rotation to act). */
  missingKey?: Member;
}

/** One article's review records as the studio shows them. */
export interface ArticleReviewView {
  facts: ReviewFacts;
  records: ReadRecord[];
  /** Member ids who wrote each saved version (content hash -> ids). */
  authors: Record<string, string[]>;
}

export interface SearchHit {
  id: string;
  snippet: string;
}

/** The agent profile as the profile editor loads it: parsed, or the text and what to fix. */
export interface ProfileView {
  profile?: AgentProfile;
  /** The file's text and its problems when it does not parse. */
  text?: string;
  problems?: Problem[];
  version?: string;
}

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

const turnSchema = z.object({ role: z.enum(['customer', 'agent']), text: z.string().max(20_000) });

/** Every route the UI may call: a name, a zod input schema and an output type. */
export const routes = {
  'workspace.info': { input: z.object({}), output: returns<WorkspaceInfo>() },
  'articles.list': { input: z.object({}), output: returns<ArticleSummary[]>() },
  'articles.get': { input: articleRef, output: returns<Article>() },
  'articles.search': {
    input: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(20000).optional() }),
    output: returns<SearchHit[]>(),
  },
  'articles.create': {
    input: z.object({
      title: z.string().trim().min(1).max(300),
      locale: z.string().optional(),
      tags: z.array(z.string()).optional(),
      audience: z.enum(audiences).optional(),
      owner: z.string().optional(),
      body: z.string().optional(),
    }),
    output: returns<Article>(),
  },
  'articles.save': {
    input: z.object({
      id: articleIdSchema,
      meta: articleMetaSchema.partial({ id: true }),
      body: z.string().max(5_000_000),
      baseVersion: z.string().optional(),
    }),
    output: returns<Article>(),
  },
  'articles.archive': {
    input: z.object({ id: articleIdSchema, archived: z.boolean() }),
    output: returns<Article>(),
  },
  'articles.delete': { input: articleRef, output: returns<{ id: string }>() },
  'assets.read': {
    input: z.object({ src: z.string().min(1).max(2000) }),
    output: returns<{ src: string; dataUrl: string }>(),
  },
  'assets.add': {
    input: z.object({
      articleId: articleIdSchema,
      name: z.string().min(1).max(255),
      /** The image bytes, base64-encoded (20 MB at most). */
      data: z.string().max(28_000_000),
    }),
    output: returns<{ src: string }>(),
  },
  'versions.commit': {
    input: z.object({
      ids: z.array(subjectIdSchema).default([]),
      message: z.string().trim().min(1, 'A version needs a message').max(2000),
      author: z.string().optional(),
    }),
    output: returns<CommitResult>(),
  },
  'versions.list': { input: z.object({ id: subjectIdSchema }), output: returns<ArticleVersion[]>() },
  'versions.diff': {
    input: z.object({ id: subjectIdSchema, from: z.string().min(1), to: z.string().min(1) }),
    output: returns<ArticleDiff>(),
  },
  'versions.restore': {
    input: z.object({ id: articleIdSchema, version: z.string().min(4), author: z.string().optional() }),
    output: returns<CommitResult & { restoredFrom: string; article: Article }>(),
  },
  'team.me': { input: z.object({}), output: returns<Identity>() },
  'team.join': {
    input: z.object({
      id: z.string().regex(/^[\w.-]+$/, 'use letters, digits, ".", "_" or "-"'),
      name: z.string().trim().max(200).optional(),
      email: z.string().trim().max(320).optional(),
    }),
    output: returns<Member>(),
  },
  'team.add': {
    input: z.object({
      id: z.string().regex(/^[\w.-]+$/, 'use letters, digits, ".", "_" or "-"'),
      name: z.string().trim().min(1).max(200),
      email: z.string().trim().max(320).optional(),
      roles: z.array(z.enum(roles)).min(1).default(['author']),
    }),
    output: returns<Member>(),
  },
  'team.setRoles': {
    input: z.object({ id: z.string(), roles: z.array(z.enum(roles)).min(1) }),
    output: returns<Member>(),
  },
  'team.rotateKey': { input: z.object({ id: z.string() }), output: returns<Member>() },
  'review.submit': {
    input: z.object({ id: subjectIdSchema, note: z.string().max(20_000).optional() }),
    output: returns<ReviewOutcome>(),
  },
  'review.approve': {
    input: z.object({ id: subjectIdSchema, version: z.string().optional(), note: z.string().max(20_000).optional() }),
    output: returns<ReviewOutcome>(),
  },
  'review.requestChanges': {
    input: z.object({
      id: subjectIdSchema,
      note: z.string().trim().min(1, 'Say what needs to change').max(20_000),
      version: z.string().optional(),
    }),
    output: returns<ReviewOutcome>(),
  },
  'review.comment': {
    input: z.object({
      id: subjectIdSchema,
      note: z.string().trim().min(1, 'A comment needs text').max(20_000),
      version: z.string().optional(),
      anchor: anchorSchema.optional(),
      replyTo: z.string().optional(),
    }),
    output: returns<ReviewOutcome>(),
  },
  'review.withdraw': {
    input: z.object({ id: subjectIdSchema, note: z.string().max(20_000).optional() }),
    output: returns<ReviewOutcome>(),
  },
  'review.reverify': {
    input: z.object({
      ids: z.array(subjectIdSchema).min(1),
      until: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    output: returns<ReverifyResult[]>(),
  },
  'review.records': { input: z.object({ id: subjectIdSchema }), output: returns<ArticleReviewView>() },
  'review.queue': { input: z.object({}), output: returns<QueueItem[]>() },
  /** The agent profile's review status (id `@profile` in the other review routes). */
  'review.profile': { input: z.object({}), output: returns<ReviewSubject>() },
  'review.attention': { input: z.object({}), output: returns<AttentionItem[]>() },
  'answer.ask': {
    input: z.object({
      question: z.string().trim().min(1, 'Ask a question').max(4000),
      history: z.array(turnSchema).max(40).default([]),
      against: z.enum(['drafts', 'approved', 'live']).default('drafts'),
      /** With `against: 'live'`: the saved publish target (agent URL) whose active snapshot answers. */
      target: z.string().max(2000).optional(),
      provider: z.enum(['extractive', 'openai']).default('extractive'),
      /** Names the stream: each piece of the answer arrives as an `answer.delta` event with this id. */
      streamId: z.string().max(100).optional(),
    }),
    output: returns<AnswerResult>(),
  },
  'answer.feedback': { input: feedbackInputSchema, output: returns<AnswerFeedback>() },
  /** Feedback still waiting on one article. */
  'answer.feedbackFor': { input: articleRef, output: returns<AnswerFeedback[]>() },
  'answer.providerSettings': { input: z.object({}), output: returns<ProviderSettingsView>() },
  'answer.setProvider': {
    input: z.object({
      baseUrl: z.string().trim().min(1).max(2000),
      model: z.string().trim().min(1).max(200),
      apiKey: z.string().max(500).optional(),
    }),
    output: returns<ProviderSettingsView>(),
  },
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
  /** CONFLICT (details.gate) when a golden set would get worse; `override` with a reason publishes anyway, audited. */
  'publish.run': {
    input: z.object({ url: z.string().max(2000), override: z.string().trim().max(2000).optional() }),
    output: returns<PublishResult>(),
  },
  'publish.rollback': {
    input: z.object({ url: z.string().max(2000), id: z.string().regex(/^[0-9a-f]{8,64}$/, 'a snapshot id') }),
    output: returns<{ active: string }>(),
  },
  'evals.sets': { input: z.object({}), output: returns<GoldenSetSummary[]>() },
  'evals.get': { input: z.object({ name: setName }), output: returns<GoldenSet>() },
  'evals.save': {
    input: z.object({ name: setName, questions: z.array(goldenQuestionSchema.required({ id: true })).max(5000) }),
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
  'profile.get': { input: z.object({}), output: returns<ProfileView>() },
  'profile.save': {
    input: z.object({
      meta: z.record(z.string(), z.unknown()),
      instructions: z.string().max(200_000),
      /** The version the editor loaded: CONFLICT when the file changed since. */
      baseVersion: z.string().optional(),
    }),
    output: returns<ProfileView>(),
  },
  'audit.verify': { input: z.object({}), output: returns<AuditVerification>() },
  'sync.status': { input: z.object({}), output: returns<{ remote?: string; conflicts: SyncConflict[] }>() },
  'sync.run': {
    input: z.object({ remote: z.string().trim().min(1).max(4096).optional() }),
    output: returns<SyncResult>(),
  },
  'sync.resolve': {
    input: z.object({ path: z.string().min(1).max(1000), text: z.string().max(5_000_000).nullable() }),
    output: returns<{ remaining: SyncConflict[] }>(),
  },
  'index.status': { input: z.object({}), output: returns<IndexStatus>() },
  'index.refresh': { input: z.object({}), output: returns<IndexStatus>() },
  'search.query': {
    input: z.object({
      query: z.string().trim().min(1).max(2000),
      k: z.number().int().min(1).max(100).default(10),
      mode: z.enum(['hybrid', 'vector', 'lexical']).default('hybrid'),
      filter: z
        .object({
          locale: z.string().optional(),
          audience: z.enum(audiences).optional(),
          status: z.array(z.string()).optional(),
          tags: z.array(z.string()).optional(),
        })
        .default({}),
    }),
    output: returns<SearchResponse>(),
  },
  'model.status': { input: z.object({}), output: returns<ModelStatus>() },
  'model.install': {
    input: z.object({ id: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'A model id looks like org/name') }),
    output: returns<ModelLocation>(),
  },
  'model.useFolder': { input: z.object({ dir: z.string().trim().min(1).max(4096) }), output: returns<ModelLocation>() },
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteInput<R extends RouteName> = z.input<Routes[R]['input']>;
export type ParsedInput<R extends RouteName> = z.output<Routes[R]['input']>;
export type RouteOutput<R extends RouteName> = Routes[R]['output'];

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: { problems?: Problem[]; [key: string]: unknown };
}

/** What every call resolves to; calls never reject. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Pushed from the core to the UI. */
export type AlmanacEvent =
  | { type: 'articles.changed'; ids: string[] }
  | { type: 'index.status'; status: IndexStatus }
  | { type: 'model.progress'; progress: ModelInstallProgress }
  /** Review records, the roster or the signed-in member changed: reload statuses and queues. */
  | { type: 'review.changed'; ids: string[] }
  /** A publish moved on: building the snapshot, uploading it, done. */
  | { type: 'publish.progress'; stage: 'build' | 'upload' | 'activate' | 'done'; snapshot?: string }
  /** A piece of a streamed answer (`answer.ask` with a `streamId`). */
  | { type: 'answer.delta'; streamId: string; text: string }
  /** The event stream (re)connected: anything pushed while it was down was missed, so reload. */
  | { type: 'events.connected' };

export { ipcChannel, ipcEventChannel } from './channels.js';

/** What the preload exposes on `window.almanac`, and what the HTTP client implements. */
export interface AlmanacBridge {
  invoke(route: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AlmanacEvent) => void): () => void;
}
