import type { Conversation } from './conversationLogs.js';

/** What a conversation costs: one handled by a person, one answer by the agent (any currency). */
export interface CostSettings {
  humanTicket: number;
  automatedAnswer: number;
}

export const defaultCosts: CostSettings = { humanTicket: 5, automatedAnswer: 0.25 };

/** The figures of a group of conversations. */
export interface Figures {
  conversations: number;
  /** Resolved by the agent: the customer said resolved, and no hand-off. */
  automatedResolution: number;
  /** Also counting conversations the customer did not rate, without a hand-off or a "not resolved". */
  assumedResolution: number;
  handoffRate: number;
  /** Mean CSAT (1-5) of the rated conversations, null when none was rated. */
  csat: number | null;
  rated: number;
}

export interface InsightsReport extends Figures {
  costs: CostSettings;
  roi: {
    /** What every conversation would cost handled by a person. */
    withoutAgent: number;
    /** Automated answers plus the conversations people still handled. */
    withAgent: number;
    savings: number;
    /** Savings per unit spent on automated answers. */
    returnOnAgent: number | null;
  };
  byDay: (Figures & { day: string })[];
  byArticle: (Figures & { articleId: string })[];
  /** By article version, so an edit's effect on resolution and CSAT shows. */
  byVersion: (Figures & { articleId: string; version: string; firstSeen: string })[];
  byTopic: { topic: string; conversations: number }[];
  /** Answers the language model should have written but that fell back to extractive (it failed). */
  providerFailures: number;
}

function figures(list: Conversation[]): Figures {
  const n = list.length;
  const rated = list.filter((c) => c.csat !== null);
  const share = (k: number) => (n === 0 ? 0 : k / n);
  return {
    conversations: n,
    automatedResolution: share(list.filter((c) => c.resolved === true && !c.handedOff).length),
    assumedResolution: share(list.filter((c) => c.resolved !== false && !c.handedOff).length),
    handoffRate: share(list.filter((c) => c.handedOff).length),
    csat: rated.length ? rated.reduce((s, c) => s + c.csat!, 0) / rated.length : null,
    rated: rated.length,
  };
}

function groupBy<K>(list: Conversation[], keys: (c: Conversation) => K[]): Map<K, Conversation[]> {
  const out = new Map<K, Conversation[]>();
  for (const c of list)
    for (const k of keys(c)) {
      const group = out.get(k);
      if (group) group.push(c);
      else out.set(k, [c]);
    }
  return out;
}

/**
 * Automated resolution, hand-off rate, CSAT and ROI of a conversation log, with trends by day and
 * figures by article, by article version and by hand-off topic.
 */
export function insightsReport(list: Conversation[], costs: CostSettings = defaultCosts): InsightsReport {
  const all = figures(list);
  const automatedlyResolved = Math.round(all.assumedResolution * list.length);
  const withoutAgent = list.length * costs.humanTicket;
  const automatedCost = list.length * costs.automatedAnswer;
  const withAgent = automatedCost + (list.length - automatedlyResolved) * costs.humanTicket;
  const savings = withoutAgent - withAgent;
  const byVersion = [...groupBy(list, (c) => Object.entries(c.versions).map(([id, v]) => `${id}@${v}`))].map(
    ([key, group]) => {
      const [articleId, version] = key.split('@') as [string, string];
      return { articleId, version, firstSeen: group[0]!.time, ...figures(group) };
    },
  );
  return {
    ...all,
    costs,
    roi: { withoutAgent, withAgent, savings, returnOnAgent: automatedCost > 0 ? savings / automatedCost : null },
    byDay: [...groupBy(list, (c) => [c.time.slice(0, 10)])]
      .map(([day, group]) => ({ day, ...figures(group) }))
      .sort((a, b) => a.day.localeCompare(b.day)),
    byArticle: [...groupBy(list, (c) => c.articleIds)]
      .map(([articleId, group]) => ({ articleId, ...figures(group) }))
      .sort((a, b) => b.conversations - a.conversations),
    byVersion: byVersion.sort(
      (a, b) => a.articleId.localeCompare(b.articleId) || a.firstSeen.localeCompare(b.firstSeen),
    ),
    byTopic: [...groupBy(list, (c) => (c.topic ? [c.topic] : []))]
      .map(([topic, group]) => ({ topic, conversations: group.length }))
      .sort((a, b) => b.conversations - a.conversations),
    providerFailures: list.reduce((n, c) => n + (c.providerFailures ?? 0), 0),
  };
}
