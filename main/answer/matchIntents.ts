import { conceptSources, wordClasses } from '../text/index.js';
import type { Intent } from './agentProfile.js';
import { amountOverLimit } from '../text/index.js';
import { contentTerms, hanBigrams, termOf, wordsOf } from './textTerms.js';

/** Why a question matched an intent: which keyword, example or amount, for the trace and the reason. */
export interface IntentMatch {
  topic: string;
  rule: string;
  by: 'keyword' | 'example' | 'amount' | 'learned';
  /** The keyword, the example phrasing, or the amount as written; for learned evidence, what it was. */
  evidence: string;
  /** 1 for a keyword or an amount; the similarity for an example; the combined score for learned evidence. */
  score: number;
}

const cjkOrDigit = /[\p{Script=Han}\d]/u;

/**
 * Example similarity at which a question counts as that phrasing. Measured on the hand-off set
 * (`npm run bench -- --only=answer`): see the hand-off table in docs/benchmark.md.
 */
export const exampleThreshold = 0.6;

/** A question as the rules and the learned evidence read it (`prepare`). */
export interface PreparedQuestion {
  compact: string;
  /** The question's words in order, stemmed, stop words kept. */
  sequence: string[];
  words: Set<string>;
  terms: Set<string>;
  /** The concepts the question expresses (`wordClasses`). */
  classes: Set<string>;
  /** The words that express each concept. */
  sources: Map<string, Set<string>>;
}

/**
 * The question's terms the customer negates: the Chinese characters right after 不要/别/不用…
 * (账户不要注销) and the English word after don't/not/never (don't close): they say what the
 * customer does not want, so they are no likeness to an example that wants it.
 */
function negatedTerms(compact: string, sequence: string[]): Set<string> {
  const out = new Set<string>();
  for (const n of negatorsZh)
    for (let at = compact.indexOf(n); at >= 0; at = compact.indexOf(n, at + 1)) {
      const span = compact.slice(at + n.length, at + n.length + 3);
      for (let i = 0; i < span.length; i++) for (let j = i + 1; j <= span.length; j++) out.add(span.slice(i, j));
    }
  sequence.forEach((w, i) => {
    if (negatorsEn.has(sequence[i - 1] ?? '')) out.add(w);
  });
  return out;
}

let lastPrepared: { question: string; prepared: PreparedQuestion } | undefined;

/** A question read once for every rule and topic: the rules and the learned evidence ask in turn. */
export function prepare(question: string): PreparedQuestion {
  if (lastPrepared?.question === question) return lastPrepared.prepared;
  const prepared = readQuestion(question);
  lastPrepared = { question, prepared };
  return prepared;
}

function readQuestion(question: string): PreparedQuestion {
  const sequence = wordsOf(question).map(termOf);
  const sources = conceptSources(question);
  const compact = question.toLowerCase().replace(/\s+/g, '');
  const negated = negatedTerms(compact, sequence);
  return {
    compact,
    sequence,
    words: new Set(sequence),
    terms: new Set([...contentTerms(question), ...hanBigrams(question)].filter((t) => !negated.has(t))),
    classes: new Set(sources.keys()),
    sources,
  };
}

/** Words that, right before a keyword's word, say the customer does not want it: "账户不要注销", "don't close it". */
const negatorsZh = ['不要', '不用', '不想', '不必', '无需', '别', '不是'];
const negatorsEn = new Set(
  ["don't", 'dont', 'not', 'never', 'no', "doesn't", "isn't", 'without'].map((w) => termOf(w)),
);
/** An alternative that itself says "don't want" or "不要了" is read as written. */
const negating = /\b(?:don'?t|not|never|no)\b|不要|不想|不用|别/;

/** Whether the Chinese text at `at` is preceded by a negator (within the two characters before it). */
function negatedAt(compact: string, at: number): boolean {
  const before = compact.slice(Math.max(0, at - 3), at);
  return negatorsZh.some((n) => before.endsWith(n) || before.slice(0, -1).endsWith(n));
}

/**
 * Where one alternative of a keyword piece occurs: word positions, or -1 for Chinese and numbers
 * (anywhere). With `negation`, an occurrence right after a negator does not count.
 */
function positions(alternative: Alternative, q: PreparedQuestion, negation = false): number[] {
  if (alternative.needle !== undefined) {
    const { needle } = alternative;
    for (let at = q.compact.indexOf(needle); at >= 0; at = q.compact.indexOf(needle, at + 1))
      if (!negation || !negatedAt(q.compact, at)) return [-1];
    return [];
  }
  const out: number[] = [];
  const negated = (i: number) =>
    negation && (negatorsEn.has(q.sequence[i - 1] ?? '') || negatorsEn.has(q.sequence[i - 2] ?? ''));
  if (alternative.prefix !== undefined) {
    const { prefix } = alternative;
    q.sequence.forEach((w, i) => w.startsWith(prefix) && !negated(i) && out.push(i));
    return out;
  }
  const { phrase } = alternative;
  if (phrase.length === 0 || !q.words.has(phrase[0]!)) return out;
  q.sequence.forEach((_, i) => phrase.every((w, j) => q.sequence[i + j] === w) && !negated(i) && out.push(i));
  return out;
}

/** Words within which the pieces of an English keyword must all occur ("delete my account", not "delete the address on my account"). */
export const keywordWindow = 5;

/**
 * A keyword matches when every piece (separated by spaces) is present, English pieces within
 * `keywordWindow` words of each other; a piece `a|b|c` is present when one of its alternatives is:
 * `close|delete|shut_down account|profile`.
 */
/** A keyword's pieces and alternatives, and where negation is read as written, parsed once. */
interface ParsedKeyword {
  pieces: Alternative[][];
}
/** One alternative, read once: Chinese or a number found anywhere, an English prefix (`refund*`), or a phrase of words. */
interface Alternative {
  checkNegation: boolean;
  needle?: string;
  prefix?: string;
  phrase: string[];
}

function readAlternative(alternative: string, checkNegation: boolean): Alternative {
  if (cjkOrDigit.test(alternative)) return { checkNegation, needle: alternative.replace(/_/g, ''), phrase: [] };
  if (alternative.endsWith('*')) return { checkNegation, prefix: alternative.slice(0, -1), phrase: [] };
  return { checkNegation, phrase: wordsOf(alternative.replace(/_/g, ' ')).map(termOf) };
}
const parsedKeywords = new Map<string, ParsedKeyword>();

function parseKeyword(keyword: string): ParsedKeyword {
  let parsed = parsedKeywords.get(keyword);
  if (parsed) return parsed;
  const split = keyword
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((piece) => piece.split('|').filter(Boolean));
  // A keyword with a piece of its own that negates ("don't|not want account") reads the negation as written.
  const negates = (a: string) => negating.test(a.replace(/_/g, ' '));
  const ownNegation = split.some((alts) => alts.every(negates));
  parsed = {
    pieces: split.map((alts) =>
      alts.map((alternative) => readAlternative(alternative, !ownNegation && !negates(alternative))),
    ),
  };
  if (parsedKeywords.size >= 10_000) parsedKeywords.clear();
  parsedKeywords.set(keyword, parsed);
  return parsed;
}

export function keywordMatches(keyword: string, question: PreparedQuestion | string, negation = false): boolean {
  const q = typeof question === 'string' ? prepare(question) : question;
  const pieces: number[][] = [];
  for (const alts of parseKeyword(keyword).pieces) {
    const found = alts.flatMap((alternative) => positions(alternative, q, negation && alternative.checkNegation));
    if (found.length === 0) return false;
    pieces.push(found);
  }
  const placed = pieces.filter((found) => !found.includes(-1));
  if (placed.length < 2) return true;
  return placed[0]!.some((at) => placed.every((found) => found.some((p) => Math.abs(p - at) <= keywordWindow)));
}

/** An example phrasing's terms and concepts, read once: profiles are asked about on every answer. */
const examples = new Map<string, { terms: Set<string>; concepts: string[] }>();
export function readExample(example: string): { terms: Set<string>; concepts: string[] } {
  let read = examples.get(example);
  if (!read) {
    if (examples.size >= 10_000) examples.clear();
    read = { terms: new Set([...contentTerms(example), ...hanBigrams(example)]), concepts: wordClasses(example) };
    examples.set(example, read);
  }
  return read;
}

/**
 * How much of an example phrasing a question carries, 0 to 1: the share of the example's informative
 * terms (stemmed words, and neighbouring Han characters) found in the question, discounted when the
 * question shares fewer than two of them.
 */
export function exampleSimilarity(question: PreparedQuestion | string, example: string): number {
  const q = typeof question === 'string' ? prepare(question) : question;
  const { terms } = readExample(example);
  if (terms.size === 0) return 0;
  let shared = 0;
  for (const t of terms) if (q.terms.has(t)) shared++;
  const containment = shared / terms.size;
  return shared >= 2 || terms.size === 1 ? containment : containment / 2;
}

/** Every intent a question matches, best evidence first within each intent (keywords, amounts, then examples). */
export function matchIntents(question: string, intents: Intent[], threshold = exampleThreshold): IntentMatch[] {
  const q = prepare(question);
  const out: IntentMatch[] = [];
  for (const intent of intents) {
    const base = { topic: intent.topic, rule: intent.rule };
    if (intent.except.some((k) => keywordMatches(k, q))) continue;
    // A hand-off keyword the customer negates ("账户不要注销", "don't close my account") does not match.
    const keyword = intent.keywords.find((k) => keywordMatches(k, q, true));
    if (keyword) {
      out.push({ ...base, by: 'keyword', evidence: keyword, score: 1 });
      continue;
    }
    if (intent.amountAbove && intent.amountWords.some((w) => keywordMatches(w, q))) {
      const amount = amountOverLimit(question, intent.amountAbove);
      if (amount) {
        out.push({ ...base, by: 'amount', evidence: `${amount.value} ${amount.currency ?? ''}`.trim(), score: 1 });
        continue;
      }
    }
    let best: { example: string; score: number } | undefined;
    for (const example of Object.values(intent.examples).flat()) {
      const score = exampleSimilarity(q, example);
      if (score >= threshold && score > (best?.score ?? 0)) best = { example, score };
    }
    if (best) out.push({ ...base, by: 'example', evidence: best.example, score: best.score });
  }
  return out;
}
