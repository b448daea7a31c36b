import { performance } from 'node:perf_hooks';
import { AlmanacError } from '../AlmanacError.js';
import { termStatsOf, type ChunkFilter, type ChunkIndex } from '../indexing/index.js';
import { rankPassages, searchKnowledge, type RankedPassage, type SearchOptions } from '../retrieval/index.js';
import type { AgentProfile } from './agentProfile.js';
import type { ChatMessage, CompletionProvider } from './answerProvider.js';
import { buildPrompt, type Turn } from './buildPrompt.js';
import { checkGrounding, type CitedPassage, type GroundedSentence } from './checkGrounding.js';
import { questionTerms } from '../text/index.js';
import { extractiveAnswer } from './extractiveAnswer.js';
import { retrievalQuery } from './followUp.js';
import { learnedIntents } from './learnedIntents.js';
import { matchIntents, type IntentMatch } from './matchIntents.js';
import { checkIntentWithModel, type ModelIntentCheck } from './modelIntentCheck.js';
import { localeIs, questionLanguage } from './textTerms.js';

/** Which knowledge an answer comes from: the working drafts, the approved versions, or a snapshot. */
export type KnowledgeSource = 'drafts' | 'approved' | 'snapshot';

/** The knowledge and the profile one answer is made from. */
export interface Knowledge {
  against: KnowledgeSource;
  index: ChunkIndex;
  /** The policy of what may be cited (statuses, customer audience). */
  filter: ChunkFilter;
  vectorSearch?: SearchOptions['vectorSearch'];
  profile: AgentProfile;
}

export interface Citation {
  n: number;
  articleId: string;
  chunkId: string;
  title: string;
  headings: string[];
  /** Where the passage sits in the article's Markdown body, and its text (to find it again). */
  start: number;
  end: number;
  text: string;
}

export interface Handoff {
  /** The hand-off topic of the profile, `out-of-scope`, or `low-confidence`. */
  topic: string;
  reason: string;
  kind: 'sensitive' | 'out-of-scope' | 'low-confidence';
}

export interface TracedChunk {
  chunkId: string;
  articleId: string;
  title: string;
  locale: string;
  score: number;
  lexicalRank?: number;
  vectorRank?: number;
  /** The chunk's share of the question's weighted terms (what confidence is made of). */
  coverage: number;
  /** The same share for its title and headings alone. */
  headingCoverage: number;
  /** How the answer ranks it: search score relative to the best, plus its coverages. */
  relevance: number;
  matched: string[];
  missing: string[];
  cited: boolean;
}

export interface AnswerTrace {
  question: string;
  /** What was searched: the question, or for a follow-up the earlier question with it. */
  query: string;
  followUp: boolean;
  against: KnowledgeSource;
  mode: string;
  language: 'zh' | 'en';
  profileVersion?: string;
  minConfidence: number;
  intents: IntentMatch[];
  /** The language model's reading of the hand-off topics (with a provider, when the rules matched none). */
  modelIntent?: ModelIntentCheck;
  chunks: TracedChunk[];
  prompt?: ChatMessage[];
  provider: string;
  /** `handoffMs`: the hand-off decision itself (rules, learned evidence, the decision), without retrieval or a model. */
  timings: {
    retrieveMs: number;
    decideMs: number;
    handoffMs: number;
    answerMs: number;
    checkMs: number;
    totalMs: number;
  };
}

export interface AnswerResult {
  answer: string;
  citations: Citation[];
  handoff: Handoff | null;
  /** Why the agent only pointed to an article ("I'm not sure; this article may help"): the profile's choice below its minimum confidence. */
  unsure?: string;
  /** 0 to 1: how much of the question the section cited first covers (see `answerConfidence`). */
  confidence: number;
  sentences: GroundedSentence[];
  trace: AnswerTrace;
  /**
   * Why the provider did not write this answer (it failed; its PROVIDER_FAILED message): the answer is
   * the extractive one from the same passages, and the trace names the extractive provider.
   */
  providerFailed?: string;
}

export interface AnswerOptions {
  history?: Turn[];
  /** A chat completions provider; the extractive answer when none. */
  provider?: CompletionProvider;
  /**
   * When the provider fails to answer (PROVIDER_FAILED: down, too slow, refusing), answer
   * extractively from the same passages and say why in `providerFailed`, instead of rejecting. The
   * studio's preview and the live agent answer the same way. A cancelled request (`signal`) still
   * rejects. @default true
   */
  fallback?: boolean;
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
  /** Sections retrieved per question and ranked as answers (the same pool `rankArticles` ranks). @default 30 */
  k?: number;
  /** Passages an answer may cite. @default 3 */
  maxCitations?: number;
  /**
   * With a provider, also ask it whether the message falls under a hand-off topic the rules missed
   * (it can add a hand-off, never remove one). @default true
   */
  modelIntentCheck?: boolean;
}

/** What the agent says below the profile's minimum confidence when the profile prefers a pointer to a hand-off. */
const notSure: Record<'en' | 'zh', string> = {
  en: "I'm not sure; this article may help: ",
  zh: '我不太确定；这篇文章也许有帮助：',
};

const defaultHandoffMessages: Record<'en' | 'zh', string> = {
  en: "I'm passing this to a member of our team, who will take it from here.",
  zh: '我已将您的问题转给人工客服同事，他们会尽快接手处理。',
};

function handoffMessage(profile: AgentProfile, language: 'zh' | 'en'): string {
  const own = Object.entries(profile.meta.handoffMessage).find(([locale]) => localeIs(locale, language));
  return own?.[1] ?? defaultHandoffMessages[language];
}

function decideHandoff(
  question: string,
  profile: AgentProfile,
  confidence: number,
  intents: { sensitive: IntentMatch[]; outOfScope: IntentMatch[] },
): Handoff | null {
  const sensitive = intents.sensitive[0];
  if (sensitive) {
    if (sensitive.by === 'learned')
      return { topic: sensitive.topic, kind: 'sensitive', reason: `${sensitive.rule} (${sensitive.evidence}).` };
    const how = sensitive.by === 'example' ? `close to "${sensitive.evidence}"` : `"${sensitive.evidence}"`;
    return { topic: sensitive.topic, kind: 'sensitive', reason: `${sensitive.rule} (matched ${sensitive.by} ${how}).` };
  }
  const out = intents.outOfScope[0];
  if (out) return { topic: 'out-of-scope', kind: 'out-of-scope', reason: `Out of scope (${out.topic}): ${out.rule}.` };
  if (confidence < profile.meta.minConfidence) {
    return {
      topic: 'low-confidence',
      kind: 'low-confidence',
      reason: `No article covers this well enough: confidence ${confidence.toFixed(2)} is below the profile's minimum ${profile.meta.minConfidence}.`,
    };
  }
  return null;
}

/**
 * Confidence that the answer is right, 0 to 1: how much of the question the best-covering section of
 * the article cited first covers, among the sections the answer cites (never a section it does not
 * use, nor another article's). Measured on the help-centre set, per band, in docs/benchmark.md:
 * answers at 0.8 or more cite the right article 9 times in 10.
 */
export function answerConfidence(cited: Pick<RankedPassage, 'coverage' | 'result'>[]): number {
  const first = cited[0];
  if (!first) return 0;
  return Math.max(...cited.filter((r) => r.result.articleId === first.result.articleId).map((r) => r.coverage));
}

/**
 * The passages an answer cites, best first: the best section of the best article, then others of
 * that article nearly as relevant, and another article's only when it is as good. In the question's
 * language when the knowledge has it.
 */
function choosePassages(ranked: RankedPassage[], language: 'zh' | 'en', min: number, max: number): RankedPassage[] {
  const own = ranked.filter((r) => localeIs(r.result.locale, language));
  const pool = own.length ? own : ranked;
  const best = pool[0];
  if (!best) return [];
  const chosen = [best];
  for (const r of pool.slice(1)) {
    if (chosen.length >= max) break;
    const sameArticle = r.result.articleId === best.result.articleId;
    if (r.relevance >= best.relevance * (sameArticle ? 0.6 : 0.92) && r.coverage >= min / 2) chosen.push(r);
  }
  return chosen;
}

/**
 * Retrieve, decide, answer, check: search the knowledge (with the conversation's context for a
 * follow-up), hand off for a sensitive or out-of-scope question or weak retrieval, otherwise answer
 * (extractive, or through the provider from the built prompt) and check each sentence against the
 * cited passages. When the provider fails to answer, the extractive answer from the same passages,
 * with `providerFailed` saying why (PROVIDER_FAILED instead with `fallback: false`, or when the
 * request was cancelled). With a provider, a message the
 * hand-off rules let through is also read by the model against the hand-off topics: it can add a
 * hand-off, never remove one, and its failure leaves the decision to the rules.
 */
export async function answerQuestion(
  knowledge: Knowledge,
  question: string,
  options: AnswerOptions = {},
): Promise<AnswerResult> {
  const started = performance.now();
  const { profile } = knowledge;
  const { k = 30, maxCitations = 3, history = [] } = options;
  const language = questionLanguage(question);
  const { query, followUp } = retrievalQuery(question, history);
  const mode = knowledge.vectorSearch ? 'hybrid' : 'lexical';
  let handoffMs = -performance.now();
  const intents = {
    sensitive: matchIntents(question, profile.meta.handoff),
    outOfScope: matchIntents(question, profile.meta.scope.out),
  };
  handoffMs += performance.now();
  // Rules first, in code; only when they match nothing does the model get the customer's words
  // (never article text), while retrieval runs.
  const modelCheck =
    options.provider &&
    options.modelIntentCheck !== false &&
    profile.meta.modelHandoffCheck &&
    profile.meta.handoff.length > 0 &&
    intents.sensitive.length === 0 &&
    intents.outOfScope.length === 0
      ? checkIntentWithModel(options.provider, profile, question, history, { signal: options.signal })
      : undefined;
  const [search, stats] = await Promise.all([
    searchKnowledge(knowledge.index, query, {
      k,
      mode,
      filter: knowledge.filter,
      vectorSearch: knowledge.vectorSearch,
    }),
    termStatsOf(knowledge.index),
  ]);
  const retrieved = performance.now();
  const terms = questionTerms(query);
  const ranked = rankPassages(search.results, terms, stats);
  const candidates = choosePassages(ranked, language, profile.meta.minConfidence, maxCitations);
  const confidence = answerConfidence(candidates);
  const learnedStart = performance.now();
  // No rule matched: what the team wrote down (examples, linked articles, risk) may still point to a topic.
  if (intents.sensitive.length === 0 && intents.outOfScope.length === 0) {
    const articles = [...new Set(candidates.map((r) => r.result.articleId))];
    intents.sensitive = learnedIntents(question, profile.meta.handoff, {
      articles,
      unsure: confidence < profile.meta.minConfidence,
      conceptShare: (c) => (stats.concepts?.get(c) ?? 0) / (stats.chunks || 1),
    });
  }
  handoffMs += performance.now() - learnedStart;
  const modelIntent = await modelCheck;
  const byModel = profile.meta.handoff.find((h) => h.topic === modelIntent?.topic);
  const handoff: Handoff | null = byModel
    ? {
        topic: byModel.topic,
        kind: 'sensitive',
        reason: `${byModel.rule || byModel.topic} (the language model read the message as this topic; no keyword matched).`,
      }
    : timed(
        () => decideHandoff(question, profile, confidence, intents),
        (ms) => (handoffMs += ms),
      );
  const chosen = handoff ? [] : candidates;
  const decided = performance.now();
  const toPassage = ({ result }: RankedPassage, i: number) => ({
    n: i + 1,
    title: result.title,
    text: result.text,
    locale: result.locale,
    headings: result.headings,
    articleId: result.articleId,
    chunkId: result.chunkId,
  });
  let passages = chosen.map(toPassage);
  let answer: string;
  let prompt: ChatMessage[] | undefined;
  let providerFailed: string | undefined;
  const answerExtractively = (): string => {
    const text = extractiveAnswer(question, terms, passages, stats, language, profile.meta.answerLength);
    // Number the passages in the order the answer first uses them: [1] is the first one cited.
    const order = [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))];
    const renumber = new Map(order.map((n, i) => [n, i + 1]));
    const renumbered = text.replace(/\[(\d+)\]/g, (_, n: string) => `[${renumber.get(Number(n))}]`);
    passages = [
      ...order.map((n) => ({ ...passages[n - 1]!, n: renumber.get(n)! })),
      ...passages.filter((p) => !renumber.has(p.n)).map((p, i) => ({ ...p, n: order.length + i + 1 })),
    ];
    options.onDelta?.(renumbered);
    return renumbered;
  };
  // Not sure enough to answer, and the profile prefers pointing to the likeliest article to a hand-off.
  const suggest =
    handoff?.kind === 'low-confidence' && profile.meta.lowConfidence === 'suggest' ? candidates[0] : undefined;
  if (suggest) {
    chosen.push(suggest);
    passages = [toPassage(suggest, 0)];
    answer = `${notSure[language]}${suggest.result.title} [1]`;
    options.onDelta?.(answer);
  } else if (handoff) {
    answer = handoffMessage(profile, language);
    options.onDelta?.(answer);
  } else if (options.provider) {
    prompt = buildPrompt(profile, passages, question, history);
    try {
      const reply = await options.provider.complete({
        messages: prompt,
        onDelta: options.onDelta,
        signal: options.signal,
      });
      answer = reply.text.trim();
    } catch (err) {
      const fallBack =
        options.fallback !== false &&
        !options.signal?.aborted &&
        err instanceof AlmanacError &&
        err.code === 'PROVIDER_FAILED';
      if (!fallBack) throw err;
      // The customer still gets an answer, from the same passages; the result says why.
      providerFailed = err.message;
      prompt = undefined;
      answer = answerExtractively();
    }
  } else {
    answer = answerExtractively();
  }
  const answered = performance.now();
  const sentences =
    handoff || suggest ? [] : checkGrounding(answer, passages as CitedPassage[], language === 'zh' ? 'zh' : 'en');
  const marked = new Set([...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const citedPassages = passages.filter((p) => marked.size === 0 || marked.has(p.n));
  const citations: Citation[] = citedPassages.map((p) => {
    const r = chosen.find((c) => c.result.chunkId === p.chunkId)!.result;
    return {
      n: p.n,
      articleId: r.articleId,
      chunkId: r.chunkId,
      title: r.title,
      headings: r.headings,
      start: r.start,
      end: r.end,
      text: r.text,
    };
  });
  const cited = new Set(citations.map((c) => c.chunkId));
  const finished = performance.now();
  return {
    answer,
    citations,
    handoff: suggest ? null : handoff,
    ...(suggest && handoff ? { unsure: handoff.reason } : {}),
    confidence,
    sentences,
    trace: {
      question,
      query,
      followUp,
      against: knowledge.against,
      mode: search.ranMode,
      language,
      profileVersion: profile.version,
      minConfidence: profile.meta.minConfidence,
      intents: [...intents.sensitive, ...intents.outOfScope],
      modelIntent,
      chunks: ranked.map((r) => ({
        chunkId: r.result.chunkId,
        articleId: r.result.articleId,
        title: r.result.title,
        locale: r.result.locale,
        score: r.result.score,
        lexicalRank: r.result.explanation.lexical?.rank,
        vectorRank: r.result.explanation.vector?.rank,
        coverage: r.coverage,
        headingCoverage: r.heading,
        relevance: r.relevance,
        matched: r.matched,
        missing: r.missing,
        cited: cited.has(r.result.chunkId),
      })),
      prompt,
      provider: options.provider && !providerFailed ? options.provider.describe() : 'extractive',
      timings: {
        retrieveMs: retrieved - started,
        decideMs: decided - retrieved,
        handoffMs,
        answerMs: answered - decided,
        checkMs: finished - answered,
        totalMs: finished - started,
      },
    },
    ...(providerFailed ? { providerFailed } : {}),
  };
}

function timed<T>(run: () => T, took: (ms: number) => void): T {
  const start = performance.now();
  const out = run();
  took(performance.now() - start);
  return out;
}

/** Refuse an empty question before any work (VALIDATION_FAILED). */
export function requireQuestion(question: string): string {
  const q = question.trim();
  if (!q) throw new AlmanacError('VALIDATION_FAILED', 'Ask a question: the text is empty.');
  return q;
}
