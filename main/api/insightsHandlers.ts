import type { Problem } from '../AlmanacError.js';
import type { ArticleStore } from '../articles/index.js';
import { openAiProvider, readProviderSettings, readWorkingProfile } from '../answer/index.js';
import {
  clusterQuestions,
  gapDraft,
  gapQuestions,
  insightsReport,
  parseAgentLog,
  parseCsvLog,
  type Conversation,
  type GapCluster,
  type InsightsReport,
} from '../insights/index.js';
import { agentCall } from '../publish/index.js';
import { currentMemberId } from '../team/index.js';
import type { Workspace } from '../workspace/Workspace.js';
import type { RouteName } from './contract.js';
import type { Handlers } from './handlers.js';
import { targetFor } from './publishHandlers.js';

export interface InsightsApiContext {
  ws: Workspace;
  store: ArticleStore;
  configDir?: string;
}

type InsightsRoutes = Extract<RouteName, `insights.${string}`>;

/** What the insights screen shows: the figures, the lines that could not be read, and the content gaps. */
export interface InsightsView {
  report: InsightsReport;
  problems: Problem[];
  gaps: GapCluster[];
}

/** Insights from a log the studio sends or a live agent's own log, content gaps, and a draft from a gap. */
export function insightsHandlers({ ws, store, configDir }: InsightsApiContext): Pick<Handlers, InsightsRoutes> {
  return {
    'insights.report': async ({ log, target, costs }) => {
      const problems: Problem[] = [];
      let conversations: Conversation[];
      if (target) {
        const agent = await targetFor(configDir, target);
        const { days } = await agentCall<{ days: string[] }>(agent, '/v1/logs');
        const byId = new Map<string, Conversation>();
        for (const day of days) {
          const res = await fetch(`${agent.url}/v1/logs/${day}`, {
            headers: { authorization: `Bearer ${agent.token}` },
          });
          parseAgentLog(await res.text(), `${target} ${day}`, byId, problems);
        }
        conversations = [...byId.values()];
      } else if (log!.format === 'csv') conversations = parseCsvLog(log!.text, log!.name, problems);
      else {
        const byId = new Map<string, Conversation>();
        parseAgentLog(log!.text, log!.name, byId, problems);
        conversations = [...byId.values()];
      }
      conversations.sort((a, b) => a.time.localeCompare(b.time));
      const profile = await readWorkingProfile(ws).catch(() => undefined);
      const gaps = await clusterQuestions(
        gapQuestions(conversations, {
          minConfidence: profile?.meta.minConfidence,
          sensitiveTopics: profile?.meta.handoff.map((h) => h.topic),
        }),
      );
      return {
        report: insightsReport(conversations, costs),
        problems: problems.slice(0, 200),
        gaps: gaps.slice(0, 30).map((g) => ({ ...g, questions: g.questions.slice(0, 20) })),
      };
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
