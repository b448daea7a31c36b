import { z } from 'zod';
import { returns } from './routeOutput.js';
import { answerRoutes } from './answerRoutes.js';
import { publishRoutes } from './publishRoutes.js';
import { evalRoutes, healthRoutes } from './evalRoutes.js';
import { insightsRoutes } from './insightsRoutes.js';
import type { ErrorCode, Problem } from '../AlmanacError.js';
import { articleIdSchema, articleMetaSchema, audiences } from '../articles/index.js';
import type { Article, ArticleSummary } from '../articles/index.js';
import type { BulkResult, BulkValues } from '../articles/index.js';
import type { ArticleDiff } from '../articles/index.js';
import type { ArticleVersion, CommitResult } from '../versions/index.js';
import type { Member } from '../workspace/index.js';
import type { AddedMember } from '../team/index.js';
import type { IndexStatus } from '../indexing/index.js';
import type { SearchNotice, SearchResponse, SearchResult } from '../retrieval/index.js';
import type { ModelInstallProgress, ModelLocation, ModelStatus } from '../embedding/index.js';
import type { AuditPage, AuditVerification } from '../audit/index.js';
import type { SyncConflict, SyncResult } from '../sync/index.js';
import type {
  AttentionItem,
  QueueItem,
  ReadRecord,
  ReverifyResult,
  ReviewOutcome,
  ReviewSubject,
} from '../review/index.js';
import { anchorSchema, subjectIdSchema } from '../review/index.js';
import { roles } from '../workspace/index.js';
import type { ReviewFacts } from '../articles/index.js';
import type { AgentProfile, AnswerFeedback, AnswerResult, ProviderSettingsView } from '../answer/index.js';
import type { PublishLogEntry, PublishResult, SnapshotDiff, TargetView } from '../publish/index.js';
import type { InsightsView } from './insightsRoutes.js';
import type { HealthReport } from '../health/index.js';
import type { HighlightedSearchResponse, HighlightedSearchResult } from './searchHighlights.js';
import type { TextRange } from '../text/index.js';

export type {
  Article,
  ArticleSummary,
  BulkResult,
  BulkValues,
  ArticleDiff,
  ArticleVersion,
  CommitResult,
  Member,
  AddedMember,
  ErrorCode,
  Problem,
};
export type { IndexStatus, SearchResponse, SearchResult };
export type { HighlightedSearchResponse, HighlightedSearchResult, TextRange };
export type { SyncConflict, SyncResult };
export type { AuditPage };
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
export type { ReviewSummary } from '../articles/index.js';
export type { AgentProfile, AnswerFeedback, AnswerResult, ProviderSettingsView };
export type {
  AgentProfileMeta,
  Citation,
  Handoff,
  AnswerTrace,
  TracedChunk,
  HandoffSuggestion,
} from '../answer/index.js';
export type { GroundedSentence } from '../answer/index.js';
export type { PublishLogEntry, PublishResult, SnapshotDiff, TargetView };
export type { InsightsView, HealthReport };
export type { ConversationView, ReanswerView } from './insightsRoutes.js';
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
export type { ProfileView } from './answerRoutes.js';
export type { BuiltSnapshotView, PublishOverview, AgentStatus, ReplayView } from './publishRoutes.js';
export type { GoldenSetSummary } from './evalRoutes.js';
/** Sent as `error.details.gate` when `publish.run` is held back by the golden sets. */
export type { GateReport, MetricDrop } from '../evaluation/index.js';
export type { ReplayChange, ReplayChangeKind, ReplayOutcome, ReplayReport } from '../replay/index.js';

export type { SearchNotice, ModelStatus, ModelLocation, ModelInstallProgress };
export type { ArticleMeta } from '../articles/index.js';
export type { ArticleStatus, VersionState } from '../articles/index.js';

const articleRef = z.object({ id: articleIdSchema });

/** Dates and tags of a bulk change are checked per article by the core, so an error names the article. */
const bulkTags = z.array(z.string().trim().min(1).max(60)).max(40);
const bulkReviewBy = z.string().max(40).nullable();

export interface WorkspaceInfo {
  root: string;
  name: string;
  locales: string[];
  /** The roster in force: built from the signed audit log, never almanac.json's copy. */
  team: Member[];
  /** Members whose key is a demo key (the sample team's: anyone can sign as them). */
  demoMembers: string[];
  /** Why the team's trust chain does not verify (nothing counts as approved until it does). */
  trustProblem?: string;
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

/** Every route the UI may call: a name, a zod input schema and an output type. */
export const routes = {
  ...answerRoutes,
  ...publishRoutes,
  ...evalRoutes,
  ...insightsRoutes,
  ...healthRoutes,
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
  /**
   * Change the front matter of up to 500 articles at once; all are checked before any is written, and a
   * failed save puts back the ones already written. Returns each article's values before, for
   * `articles.bulkRestore` (undo). Errors: VALIDATION_FAILED (naming each article), CONFLICT.
   */
  'articles.bulkUpdate': {
    input: z.object({
      ids: z
        .array(articleIdSchema)
        .min(1, 'Choose at least one article')
        .max(500, 'Change at most 500 articles at once'),
      change: z
        .object({
          owner: z.string().trim().max(120).optional(),
          reviewBy: bulkReviewBy.optional(),
          addTags: bulkTags.optional(),
          removeTags: bulkTags.optional(),
          archived: z.boolean().optional(),
        })
        .strict(),
    }),
    output: returns<BulkResult>(),
  },
  /** Put back the `previous` values an `articles.bulkUpdate` returned, in one step. Errors as there. */
  'articles.bulkRestore': {
    input: z.object({
      articles: z
        .array(
          z
            .object({
              id: articleIdSchema,
              owner: z.string().max(120).optional(),
              reviewBy: bulkReviewBy.optional(),
              tags: bulkTags.optional(),
              archived: z.boolean().optional(),
            })
            .strict(),
        )
        .min(1)
        .max(500),
    }),
    output: returns<BulkResult>(),
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
      invite: z.string().trim().max(100).optional(),
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
    output: returns<AddedMember>(),
  },
  'team.setRoles': {
    input: z.object({ id: z.string(), roles: z.array(z.enum(roles)).min(1) }),
    output: returns<Member>(),
  },
  'team.rotateKey': { input: z.object({ id: z.string() }), output: returns<AddedMember>() },
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
  'audit.verify': { input: z.object({}), output: returns<AuditVerification>() },
  /** The audit log newest first, a page at a time (offset 0 = the newest entry). */
  'audit.entries': {
    input: z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: returns<AuditPage>(),
  },
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
    output: returns<HighlightedSearchResponse>(),
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
  /** A replay of logged questions moved on (`publish.replay`, the replay inside `publish.run`). */
  | { type: 'replay.progress'; done: number; total: number }
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

/** One function per route: its input parsed, its output what the route returns. */
export type Handlers = {
  [R in RouteName]: (input: ParsedInput<R>) => Promise<RouteOutput<R>>;
};
