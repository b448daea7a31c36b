import type { Intent } from './agentProfile.js';
import { amountOverLimit } from './statedAmounts.js';
import { contentTerms, hanBigrams, termOf, wordsOf } from './textTerms.js';

/** Why a question matched an intent: which keyword, example or amount, for the trace and the reason. */
export interface IntentMatch {
  topic: string;
  rule: string;
  by: 'keyword' | 'example' | 'amount';
  /** The keyword, the example phrasing, or the amount as written. */
  evidence: string;
  /** 1 for a keyword or an amount; the similarity for an example. */
  score: number;
}

const cjkOrDigit = /[\p{Script=Han}\d]/u;

/**
 * Example similarity at which a question counts as that phrasing. Measured on the hand-off set
 * (`npm run bench -- --only=answer`): see the README's hand-off table.
 */
export const exampleThreshold = 0.6;

interface PreparedQuestion {
  compact: string;
  /** The question's words in order, stemmed, stop words kept. */
  sequence: string[];
  words: Set<string>;
  terms: Set<string>;
}

function prepare(question: string): PreparedQuestion {
  const sequence = wordsOf(question).map(termOf);
  return {
    compact: question.toLowerCase().replace(/\s+/g, ''),
    sequence,
    words: new Set(sequence),
    terms: new Set([...contentTerms(question), ...hanBigrams(question)]),
  };
}

/** Where one alternative of a keyword piece occurs: word positions, or -1 for Chinese and numbers (anywhere). */
function positions(alternative: string, q: PreparedQuestion): number[] {
  if (cjkOrDigit.test(alternative)) return q.compact.includes(alternative.replace(/_/g, '')) ? [-1] : [];
  const out: number[] = [];
  if (alternative.endsWith('*')) {
    const prefix = alternative.slice(0, -1);
    q.sequence.forEach((w, i) => w.startsWith(prefix) && out.push(i));
    return out;
  }
  const phrase = wordsOf(alternative.replace(/_/g, ' ')).map(termOf);
  if (phrase.length === 0) return out;
  q.sequence.forEach((_, i) => phrase.every((w, j) => q.sequence[i + j] === w) && out.push(i));
  return out;
}

/** Words within which the pieces of an English keyword must all occur ("delete my account", not "delete the address on my account"). */
export const keywordWindow = 5;

/**
 * A keyword matches when every piece (separated by spaces) is present, English pieces within
 * `keywordWindow` words of each other; a piece `a|b|c` is present when one of its alternatives is:
 * `close|delete|shut_down account|profile`.
 */
export function keywordMatches(keyword: string, question: PreparedQuestion | string): boolean {
  const q = typeof question === 'string' ? prepare(question) : question;
  const pieces = keyword
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((piece) => piece.split('|').flatMap((alternative) => (alternative ? positions(alternative, q) : [])));
  if (pieces.some((found) => found.length === 0)) return false;
  const placed = pieces.filter((found) => !found.includes(-1));
  if (placed.length < 2) return true;
  return placed[0]!.some((at) => placed.every((found) => found.some((p) => Math.abs(p - at) <= keywordWindow)));
}

/**
 * How much of an example phrasing a question carries, 0 to 1: the share of the example's informative
 * terms (stemmed words, and neighbouring Han characters) found in the question, discounted when the
 * question shares fewer than two of them.
 */
export function exampleSimilarity(question: PreparedQuestion | string, example: string): number {
  const q = typeof question === 'string' ? prepare(question) : question;
  const terms = new Set([...contentTerms(example), ...hanBigrams(example)]);
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
    const keyword = intent.keywords.find((k) => keywordMatches(k, q));
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
