import { answerQuestion, type AnswerResult, type Knowledge } from '../answer/index.js';
import type { Conversation } from '../insights/index.js';
import { maskPersonalData } from '../insights/index.js';

/** A question customers asked, as the replay reads it: masked, once however often it was asked. */
export interface LoggedQuestion {
  /** The question with personal data masked: what is answered and shown. */
  text: string;
  /** How many times it was asked in the period. */
  count: number;
  /** When it was last asked. */
  lastAsked: string;
}

export interface LoggedQuestionOptions {
  /** First day (YYYY-MM-DD) whose questions count. */
  since?: string;
  /** Last day (YYYY-MM-DD) whose questions count. */
  until?: string;
}

/** The first day (YYYY-MM-DD, UTC) of a period of `days` days that ends today. */
export function firstDayOf(days: number, now = new Date()): string {
  return new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

const sameQuestion = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The questions of logged conversations in a period, masked and de-duplicated, most asked first. */
export function loggedQuestions(conversations: Conversation[], options: LoggedQuestionOptions = {}): LoggedQuestion[] {
  const byText = new Map<string, LoggedQuestion>();
  for (const c of conversations) {
    const day = c.time.slice(0, 10);
    if ((options.since && day < options.since) || (options.until && day > options.until)) continue;
    for (const question of c.questions) {
      const text = maskPersonalData(question).trim();
      if (!text) continue;
      const key = sameQuestion(text);
      const seen = byText.get(key);
      if (seen) {
        seen.count++;
        if (c.time > seen.lastAsked) seen.lastAsked = c.time;
      } else byText.set(key, { text, count: 1, lastAsked: c.time });
    }
  }
  return [...byText.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/** What one side answered: the outcome a replay compares. */
export interface ReplayOutcome {
  answer: string;
  articleIds: string[];
  handoff: { topic: string; kind: string; reason: string } | null;
  confidence: number;
}

export type ReplayChangeKind = 'no-longer-handed-off' | 'newly-handed-off' | 'different-article' | 'different-answer';

export interface ReplayChange {
  question: string;
  count: number;
  kind: ReplayChangeKind;
  /** A sensitive hand-off the live knowledge made and the planned one no longer makes. */
  sensitive: boolean;
  before: ReplayOutcome;
  after: ReplayOutcome;
  /** The cited articles whose version differs between the two (undefined: not in that knowledge). */
  causes: { articleId: string; before?: string; after?: string }[];
}

export interface ReplayReport {
  questions: number;
  /** Every change, sensitive ones first, then by kind and by how often the question was asked. */
  changes: ReplayChange[];
  counts: Record<ReplayChangeKind | 'unchanged', number>;
  /** Questions a publish must not let through unseen: sensitive hand-offs the planned knowledge drops. */
  heldBack: string[];
  ms: number;
}

export interface ReplayOptions {
  onProgress?: (done: number, total: number) => void;
  /** Questions answered at once. @default 4 */
  concurrency?: number;
  signal?: AbortSignal;
}

function outcome(r: AnswerResult): ReplayOutcome {
  return {
    answer: r.answer,
    articleIds: [...new Set(r.citations.map((c) => c.articleId))],
    handoff: r.handoff && { topic: r.handoff.topic, kind: r.handoff.kind, reason: r.handoff.reason },
    confidence: r.confidence,
  };
}

function changeKind(before: ReplayOutcome, after: ReplayOutcome): ReplayChangeKind | undefined {
  if (before.handoff && !after.handoff) return 'no-longer-handed-off';
  if (!before.handoff && after.handoff) return 'newly-handed-off';
  if (before.handoff && after.handoff)
    return before.handoff.topic === after.handoff.topic ? undefined : 'different-answer';
  if (before.articleIds[0] !== after.articleIds[0]) return 'different-article';
  return before.answer === after.answer ? undefined : 'different-answer';
}

const order: ReplayChangeKind[] = ['no-longer-handed-off', 'newly-handed-off', 'different-article', 'different-answer'];

/**
 * Answer each logged question with the live knowledge and with the planned one (the same engine the
 * agent runs) and report what would change for customers: a hand-off dropped or added, another
 * article cited, the same article answering differently; with the article versions behind each change.
 */
export async function replayQuestions(
  questions: LoggedQuestion[],
  live: Knowledge,
  planned: Knowledge,
  options: ReplayOptions = {},
): Promise<ReplayReport> {
  const started = performance.now();
  const [liveVersions, plannedVersions] = await Promise.all([
    live.index.indexedVersions(),
    planned.index.indexedVersions(),
  ]);
  const changes: ReplayChange[] = [];
  const counts: ReplayReport['counts'] = {
    'no-longer-handed-off': 0,
    'newly-handed-off': 0,
    'different-article': 0,
    'different-answer': 0,
    unchanged: 0,
  };
  // A few questions at a time: retrieval waits on the index, so two cores answer more than two at once.
  const answered: [ReplayOutcome, ReplayOutcome][] = new Array(questions.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < questions.length; i = next++) {
      options.signal?.throwIfAborted();
      const text = questions[i]!.text;
      const [b, a] = await Promise.all([answerQuestion(live, text), answerQuestion(planned, text)]);
      answered[i] = [outcome(b), outcome(a)];
      options.onProgress?.(++done, questions.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, questions.length) }, worker));
  for (const [i, q] of questions.entries()) {
    const [before, after] = answered[i]!;
    const kind = changeKind(before, after);
    if (!kind) counts.unchanged++;
    else {
      counts[kind]++;
      const cited = [...new Set([...before.articleIds, ...after.articleIds])];
      changes.push({
        question: q.text,
        count: q.count,
        kind,
        sensitive: kind === 'no-longer-handed-off' && before.handoff?.kind === 'sensitive',
        before,
        after,
        causes: cited
          .filter((id) => liveVersions.get(id) !== plannedVersions.get(id))
          .map((articleId) => ({
            articleId,
            before: liveVersions.get(articleId),
            after: plannedVersions.get(articleId),
          })),
      });
    }
  }
  changes.sort(
    (x, y) =>
      Number(y.sensitive) - Number(x.sensitive) || order.indexOf(x.kind) - order.indexOf(y.kind) || y.count - x.count,
  );
  return {
    questions: questions.length,
    changes,
    counts,
    heldBack: changes.filter((c) => c.sensitive).map((c) => c.question),
    ms: performance.now() - started,
  };
}
