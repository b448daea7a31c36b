import { readFeedback } from '../answer/index.js';
import { changeGoldenSet, nextQuestionId, type GoldenSet } from '../evaluation/index.js';
import { currentMemberId } from '../identity/index.js';
import type { Workspace } from '../workspace/index.js';

/**
 * Turn unhelpful answer feedback into questions of a golden set: each names the article that should
 * have answered (or, naming none but a hand-off topic, expects a hand-off). Questions the set already
 * has, in any case or spacing, are not added twice; newest feedback first.
 */
export async function questionsFromFeedback(ws: Workspace, name: string): Promise<{ added: number; set: GoldenSet }> {
  const feedback = (await readFeedback(ws)).reverse();
  let added = 0;
  const set = await changeGoldenSet(
    ws,
    name,
    (current) => {
      const known = new Set(current.questions.map((q) => q.question.trim().toLowerCase()));
      const questions = [...current.questions];
      for (const f of feedback) {
        const key = f.question.trim().toLowerCase();
        if (f.helpful || known.has(key) || (!f.expectedArticleId && !f.handoffTopic)) continue;
        known.add(key);
        questions.push({
          id: nextQuestionId(questions),
          question: f.question,
          expected: f.expectedArticleId ? [f.expectedArticleId] : [],
          handoff: !f.expectedArticleId,
          facts: [],
        });
        added++;
      }
      return added ? questions : null;
    },
    { author: await currentMemberId(ws), message: `Golden set ${name}: questions from answer feedback` },
  );
  return { added, set };
}
