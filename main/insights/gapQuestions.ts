import { readWorkingProfile } from '../answer/index.js';
import type { Workspace } from '../workspace/index.js';
import type { Conversation } from './conversationLogs.js';
import { clusterQuestions, type GapCluster, type GapQuestion } from './clusterQuestions.js';
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

/**
 * The content gaps of a log as the studio and `almanac insights` both show them: the questions where
 * the knowledge fell short (under the workspace's working profile: its minimum confidence, and its
 * hand-off topics left to people), clustered, most asked first.
 */
export async function contentGaps(ws: Workspace, conversations: Conversation[]): Promise<GapCluster[]> {
  const profile = await readWorkingProfile(ws).catch(() => undefined);
  return clusterQuestions(
    gapQuestions(conversations, {
      minConfidence: profile?.meta.minConfidence,
      sensitiveTopics: profile?.meta.handoff.map((h) => h.topic),
    }),
  );
}
