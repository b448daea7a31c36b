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
  words: Set<string>;
  terms: Set<string>;
}

function prepare(question: string): PreparedQuestion {
  const words = wordsOf(question);
  return {
    compact: question.toLowerCase().replace(/\s+/g, ''),
    words: new Set(words.map(termOf)),
    terms: new Set([...contentTerms(question), ...hanBigrams(question)]),
  };
}

/** A keyword matches when every piece is present: Chinese and numbers as written, English words in any form. */
function keywordMatches(keyword: string, q: PreparedQuestion): boolean {
  return keyword
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((piece) => {
      if (cjkOrDigit.test(piece)) return q.compact.includes(piece);
      if (piece.endsWith('*')) {
        const prefix = piece.slice(0, -1);
        return [...q.words].some((w) => w.startsWith(prefix));
      }
      return wordsOf(piece).every((w) => q.words.has(termOf(w)));
    });
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
