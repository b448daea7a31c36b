import type { CitedPassage } from './checkGrounding.js';
import { coverage, passageTerms } from './confidence.js';
import { passageSentences } from './passageSentences.js';
import type { TermStats } from './termStats.js';

export interface ExtractiveLimits {
  /** Most English words in an answer. */
  words: number;
  /** Most Chinese characters in an answer. */
  characters: number;
}

interface Candidate {
  n: number;
  rank: number;
  position: number;
  text: string;
  score: number;
}

const hanChars = /\p{Script=Han}/gu;
/** Questions whose answer is a number: how long, how much, how many, when (多久, 多少, 几天). */
/** Sentences that point elsewhere ("This page explains…", "see Refund policy") rather than answer. */
const pointer = /^(this (page|article|guide|section)|here you|read |for more)|\bsee\b|本文|本页|详见|参见|请看/i;
/** Questions whose answer is a procedure: how do I, how to, 怎么, 如何. */
const asksSteps = /\bhow (do|can|should) (i|we)\b|\bhow to\b|怎么|如何|怎样|步骤/i;
const asksQuantity =
  /\b(how (long|much|many|soon|late|early)|when|what time|how old|fee|cost|price)\b|多久|多少|几[天个次周月年]|什么时候|多长|费用|价格/i;

function lengthOf(text: string, language: 'zh' | 'en'): number {
  return language === 'zh' ? (text.match(hanChars)?.length ?? 0) : text.split(/\s+/).filter(Boolean).length;
}

/**
 * The offline answer: the passages' sentences that carry most of the question's weighted terms,
 * read under their heading (an FAQ's answer sits under the heading that asks the question), with
 * a number preferred when the question asks for one; within the profile's length, in reading order,
 * each followed by the mark of its passage. The sentence after the best one comes along when the
 * best alone is short (a lead-in to steps).
 */
export function extractiveAnswer(
  question: string,
  terms: string[],
  passages: (CitedPassage & { locale: string; headings: string[] })[],
  stats: TermStats,
  language: 'zh' | 'en',
  limits: ExtractiveLimits,
  maxSentences = 4,
): string {
  const candidates: Candidate[] = [];
  const quantity = asksQuantity.test(question);
  const steps = !quantity && asksSteps.test(question);
  passages.forEach((p, rank) => {
    const sentences = passageSentences(p.text, p.locale);
    for (const s of sentences) {
      const own = coverage(terms, passageTerms(s.text), stats).score;
      const heading = s.heading ?? p.headings.at(-1) ?? '';
      const inContext = coverage(terms, passageTerms(`${heading}\n${s.text}`), stats).score;
      let score = 0.4 * own + 0.6 * inContext;
      if (quantity) score *= /\d/.test(s.text) ? 1.15 : 0.6;
      if (pointer.test(s.text)) score *= 0.5;
      if (steps && s.listItem) score *= 1.3;
      candidates.push({ n: p.n, rank, position: s.position, text: s.text, score: score * (1 - rank * 0.1) });
    }
  });
  if (candidates.length === 0) return '';
  const best = Math.max(...candidates.map((c) => c.score));
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.rank - b.rank || a.position - b.position);
  const top = ranked[0]!;
  const picked: Candidate[] = [];
  const limit = language === 'zh' ? limits.characters : limits.words;
  let used = 0;
  const take = (c: Candidate) => {
    if (picked.includes(c) || picked.length >= maxSentences) return;
    const length = lengthOf(c.text, language);
    if (picked.length > 0 && used + length > limit) return;
    picked.push(c);
    used += length;
  };
  take(top);
  if (lengthOf(top.text, language) < (language === 'zh' ? 15 : 8)) {
    const next = candidates.find((c) => c.n === top.n && c.position === top.position + 1);
    if (next) take(next);
  }
  for (const c of ranked) if (c.score > 0 && c.score >= best * 0.5) take(c);
  picked.sort((a, b) => a.rank - b.rank || a.position - b.position);
  const join = language === 'zh' ? '' : ' ';
  return picked.map((c) => `${c.text} [${c.n}]`).join(join);
}
