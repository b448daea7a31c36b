import type { AgentProfileMeta } from './agentProfile.js';
import type { AnswerFeedback } from './answerFeedback.js';
import { matchIntents } from './matchIntents.js';
import { questionLanguage } from './textTerms.js';

/** A customer's wording a reader said a person should have taken, offered as an example phrasing. */
export interface HandoffSuggestion {
  topic: string;
  /** The profile's example language key: `zh-CN` or `en`. */
  locale: string;
  phrasing: string;
  /** How many readers flagged this wording. */
  count: number;
}

/**
 * Example phrasings to add to the profile's hand-off topics: questions readers marked "a person
 * should have taken this" for a topic that the profile, as it is now, still does not catch. Each
 * wording once, the most flagged first.
 */
export function handoffSuggestions(meta: AgentProfileMeta, feedback: AnswerFeedback[]): HandoffSuggestion[] {
  const byKey = new Map<string, HandoffSuggestion>();
  for (const f of feedback) {
    const intent = meta.handoff.find((h) => h.topic === f.shouldHandoffTo);
    if (!intent) continue;
    const phrasing = f.question.trim().replace(/\s+/g, ' ');
    if (phrasing.length > 300) continue;
    // Already caught by the topic as it is now: nothing to add.
    if (matchIntents(phrasing, [intent]).length > 0) continue;
    const locale = questionLanguage(phrasing) === 'zh' ? 'zh-CN' : 'en';
    const key = `${intent.topic}\n${phrasing.toLowerCase()}`;
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { topic: intent.topic, locale, phrasing, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
}
