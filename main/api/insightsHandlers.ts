import type { Problem } from '../AlmanacError.js';
import type { ArticleStore } from '../articles/index.js';
import {
  answerQuestion,
  openAiProvider,
  readProviderSettings,
  type KnowledgeViews,
  type Turn,
} from '../answer/index.js';
import type { PassageEmbedder } from '../indexing/index.js';
import { maskPersonalData } from '../insights/index.js';
import {
  gapDraft,
  contentGaps,
  insightsReport,
  parseAgentLog,
  parseCsvLog,
  readAgentLog,
  type Conversation,
} from '../insights/index.js';
import { agentCall, openStoredSnapshot } from '../publish/index.js';
import { currentMemberId } from '../identity/index.js';
import type { Workspace } from '../workspace/index.js';
import type { RouteName, Handlers } from './contract.js';
import { builtSnapshots, targetFor } from './publishHandlers.js';
import type { AgentStatus } from './publishRoutes.js';
import type { InsightsView, ReanswerView } from './insightsRoutes.js';

export interface InsightsApiContext {
  ws: Workspace;
  store: ArticleStore;
  configDir?: string;
  /** The approved knowledge a conversation can be re-answered from. */
  views: KnowledgeViews;
  /** The embedding model, so a snapshot built with vectors is searched as the agent searches it. */
  semantic?: () => Promise<{ embedder: PassageEmbedder } | undefined>;
}

type InsightsRoutes = Extract<RouteName, `insights.${string}`>;

/** Insights from a log the studio sends or a live agent's own log, content gaps, and a draft from a gap. */
export function insightsHandlers({
  ws,
  store,
  configDir,
  views,
  semantic,
}: InsightsApiContext): Pick<Handlers, InsightsRoutes> {
  return {
    'insights.report': async ({ log, target, costs }) => {
      const problems: Problem[] = [];
      let conversations: Conversation[];
      let snapshots: InsightsView['snapshots'];
      if (target) {
        const agent = await targetFor(configDir, target);
        const read = await readAgentLog(agent);
        problems.push(...read.problems);
        conversations = read.conversations;
        const status = await agentCall<AgentStatus>(agent, '/v1/status');
        snapshots = status.snapshots.map(({ id, createdAt, active }) => ({ id, createdAt, live: active }));
      } else {
        if (log!.format === 'csv') conversations = parseCsvLog(log!.text, log!.name, problems);
        else {
          const byId = new Map<string, Conversation>();
          parseAgentLog(log!.text, log!.name, byId, problems);
          conversations = [...byId.values()];
        }
        snapshots = (await builtSnapshots(store)).map(({ id, createdAt }) => ({ id, createdAt, live: false }));
      }
      conversations.sort((a, b) => a.time.localeCompare(b.time));
      const gaps = await contentGaps(ws, conversations);
      return {
        report: insightsReport(conversations, costs),
        problems: problems.slice(0, 200),
        gaps: gaps.slice(0, 30).map((g) => ({ ...g, questions: g.questions.slice(0, 20) })),
        conversations: conversations
          .slice(-200)
          .reverse()
          .map((c) => ({
            id: c.id,
            time: c.time,
            questions: c.questions.map(maskPersonalData),
            answers: (c.answers ?? [c.answer]).map(maskPersonalData),
            handedOff: c.handedOff,
            topic: c.topic,
            resolved: c.resolved,
            articleIds: c.articleIds,
            snapshot: c.snapshot ?? null,
          })),
        snapshots,
      };
    },
    'insights.reanswer': async ({ questions, against, target }) => {
      const embedder = (await semantic?.().catch(() => undefined))?.embedder;
      const agent = target ? { kind: 'url' as const, ...(await targetFor(configDir, target)) } : undefined;
      const opened = against === 'approved' ? undefined : await openStoredSnapshot(store, against, agent, embedder);
      try {
        const knowledge = opened?.knowledge ?? (await views.approved());
        const history: Turn[] = [];
        const answers: ReanswerView['answers'] = [];
        // In order, each with the turns before it: a follow-up means what it meant in the conversation.
        for (const question of questions.map(maskPersonalData)) {
          const r = await answerQuestion(knowledge, question, { history: [...history] });
          history.push({ role: 'customer', text: question }, { role: 'agent', text: r.answer });
          const cited = new Map(r.citations.map((c) => [c.articleId, c.title]));
          answers.push({
            question,
            answer: r.answer,
            citations: [...cited].map(([articleId, title]) => ({ articleId, title })),
            handoff: r.handoff && { topic: r.handoff.topic, kind: r.handoff.kind },
            confidence: r.confidence,
          });
        }
        return { against: against === 'approved' ? 'approved' : `snapshot ${against}`, answers };
      } finally {
        opened?.close();
      }
    },
    'insights.createArticle': async ({ cluster }) => {
      const settings = configDir ? await readProviderSettings(configDir).catch(() => undefined) : undefined;
      const related = [];
      for (const id of cluster.relatedArticles.slice(0, 5)) {
        const a = await store.get(id).catch(() => undefined);
        if (a) related.push({ id, title: a.title, text: a.body.slice(0, 4000) });
      }
      const locale = cluster.language === 'zh' ? (ws.config.locales.find((l) => l.startsWith('zh')) ?? 'zh-CN') : 'en';
      const draft = await gapDraft(cluster, {
        provider: settings ? openAiProvider(settings) : undefined,
        related,
        locale,
      });
      return store.create({ ...draft, locale, owner: await currentMemberId(ws) });
    },
  };
}
