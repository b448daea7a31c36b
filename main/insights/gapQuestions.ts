import type { Conversation } from './conversationLogs.js';
import type { GapQuestion } from './clusterQuestions.js';
import { maskPersonalData } from './personalData.js';

/**
 * The questions that show where the knowledge falls short: handed off (except for sensitive topics,
 * which are meant for people), answered with low confidence, or marked not resolved; personal data
 * masked, as on every screen and report that shows logged questions.
 */
export function gapQuestions(
  conversations: Conversation[],
  options: { minConfidence?: number; sensitiveTopics?: string[] } = {},
): GapQuestion[] {
  const sensitive = new Set(options.sensitiveTopics ?? []);
  const floor = options.minConfidence ?? 0.35;
  const out: GapQuestion[] = [];
  for (const c of conversations) {
    const reason: GapQuestion['reason'] | undefined =
      c.handedOff && c.topic && !sensitive.has(c.topic)
        ? 'handoff'
        : !c.handedOff && c.confidence !== null && c.confidence < floor
          ? 'low-confidence'
          : c.resolved === false
            ? 'unresolved'
            : undefined;
    if (reason) out.push({ question: maskPersonalData(c.question), reason, time: c.time, articleIds: c.articleIds });
  }
  return out;
}
