import { randomUUID } from 'node:crypto';
import { appendJsonLineInside, readJsonLines } from '../workspace/index.js';
import path from 'node:path';
import type { z } from 'zod';
import type { ArticleSummary } from '../articles/index.js';
import { commitPaths } from '../versions/index.js';
import { withLock } from '../workspace/index.js';
import { feedbackInputSchema, type FeedbackInput } from './feedbackSchema.js';
import type { Workspace } from '../workspace/index.js';

export const feedbackFile = 'feedback/answers.jsonl';

/** One reader's verdict on one previewed answer, as stored in `feedback/answers.jsonl`. */
export interface AnswerFeedback extends z.output<typeof feedbackInputSchema> {
  id: string;
  time: string;
  /** Who gave it (the member signed in), when someone is. */
  member?: string;
  /** The version of each article it speaks of when it was given: an edit since answers it. */
  versions: Record<string, string>;
}

/** The articles a piece of feedback asks to look at: the one that should have answered, and those cited in an unhelpful answer. */
export function feedbackArticles(
  f: Pick<AnswerFeedback, 'helpful' | 'expectedArticleId' | 'citedArticleIds'>,
): string[] {
  const ids = new Set<string>();
  if (f.expectedArticleId) ids.add(f.expectedArticleId);
  if (!f.helpful) for (const id of f.citedArticleIds) ids.add(id);
  return [...ids];
}

/** Append one piece of feedback and commit it, so it travels with the workspace to teammates. */
export async function recordFeedback(
  ws: Workspace,
  input: FeedbackInput,
  articles: Map<string, ArticleSummary>,
  member?: string,
): Promise<AnswerFeedback> {
  const parsed = feedbackInputSchema.parse(input);
  const versions: Record<string, string> = {};
  for (const id of feedbackArticles(parsed)) {
    const version = articles.get(id)?.version;
    if (version) versions[id] = version;
  }
  const entry: AnswerFeedback = {
    id: randomUUID(),
    time: new Date().toISOString(),
    ...(member ? { member } : {}),
    ...parsed,
    versions,
  };
  const file = path.join(ws.root, feedbackFile);
  await withLock(ws.localDir, 'feedback', () => appendJsonLineInside(ws.root, file, entry), {
    staleMs: 5_000,
    waitMs: 30_000,
  });
  const verdict = parsed.helpful ? 'helpful' : 'not helpful';
  await commitPaths(ws, [feedbackFile], `Feedback on an answer (${verdict}): ${parsed.question.slice(0, 80)}`, member);
  return entry;
}

/** Every stored piece of feedback, newest first; a damaged line is skipped, never fatal (nor a file that cannot be read). */
export async function readFeedback(ws: Workspace): Promise<AnswerFeedback[]> {
  const { records } = await readJsonLines(path.join(ws.root, feedbackFile)).catch(() => ({ records: [] }));
  return records
    .map((r) => r.value as AnswerFeedback | null)
    .filter((entry): entry is AnswerFeedback => typeof entry?.id === 'string' && typeof entry.question === 'string')
    .reverse();
}

/**
 * Feedback still waiting on each article: given about it while it had the version it has now
 * (saving a new version of the article answers it).
 */
export function openFeedback(
  all: AnswerFeedback[],
  articles: Map<string, ArticleSummary>,
): Map<string, AnswerFeedback[]> {
  const out = new Map<string, AnswerFeedback[]>();
  for (const f of all) {
    for (const id of feedbackArticles(f)) {
      const current = articles.get(id)?.version;
      if (!current || (f.versions[id] && f.versions[id] !== current)) continue;
      out.set(id, [...(out.get(id) ?? []), f]);
    }
  }
  return out;
}
