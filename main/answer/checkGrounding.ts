import { answerSentences } from './passageSentences.js';
import { contentTerms, hanBigrams, numbersIn } from './textTerms.js';

/** A passage an answer may cite, numbered as the answer cites it (`[1]`). */
export interface CitedPassage {
  n: number;
  title: string;
  text: string;
}

/** One sentence of an answer and whether a cited passage supports it. */
export interface GroundedSentence {
  text: string;
  /** False when no cited passage carries the sentence's words and numbers: shown marked, never trusted. */
  supported: boolean;
  /** 0 to 1: the share of the sentence's terms found in its best passage (1 when it makes no claim). */
  support: number;
  /** The passage that supports it best. */
  source?: number;
  /** A sentence with too few informative words to check (a greeting, "Here is how:"). */
  claim: boolean;
  /** Supported, but by another passage than the one its mark names. */
  miscited?: boolean;
}

/** Share of a sentence's terms a passage must hold to support it. */
export const supportThreshold = 0.6;

function termsOf(text: string): Set<string> {
  return new Set([...contentTerms(text), ...hanBigrams(text)]);
}

function supportBy(sentence: string, terms: Set<string>, passage: CitedPassage): number {
  const passageText = `${passage.title}\n${passage.text}`;
  const have = termsOf(passageText);
  let found = 0;
  for (const t of terms) if (have.has(t)) found++;
  const share = terms.size ? found / terms.size : 1;
  const numbers = new Set(numbersIn(passageText));
  const invented = numbersIn(sentence).some((n) => !numbers.has(n));
  return invented ? Math.min(share, supportThreshold / 2) : share;
}

/**
 * Check each sentence of an answer against the passages it cites (`[n]` marks; all passages when it
 * marks none): supported when one passage holds most of its informative words and every number it
 * states. A sentence whose marked passage falls short but another given passage supports is
 * supported and flagged as miscited.
 */
export function checkGrounding(answer: string, passages: CitedPassage[], locale = 'en'): GroundedSentence[] {
  return answerSentences(answer, locale).map((raw) => {
    const marks = [...raw.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const text = raw.replace(/\s*\[\d+\]/g, '').trim();
    const terms = termsOf(text);
    if (terms.size < 2 && numbersIn(text).length === 0) return { text: raw, supported: true, support: 1, claim: false };
    const bestOf = (among: CitedPassage[]) => {
      let best: { n: number; support: number } | undefined;
      for (const p of among) {
        const support = supportBy(text, terms, p);
        if (!best || support > best.support) best = { n: p.n, support };
      }
      return best;
    };
    let best = bestOf(marks.length ? passages.filter((p) => marks.includes(p.n)) : passages);
    let miscited = false;
    if (marks.length && (best?.support ?? 0) < supportThreshold) {
      const other = bestOf(passages.filter((p) => !marks.includes(p.n)));
      if (other && other.support >= supportThreshold) [best, miscited] = [other, true];
    }
    const support = best?.support ?? 0;
    return {
      text: raw,
      supported: support >= supportThreshold,
      support,
      source: best?.n,
      claim: true,
      ...(miscited ? { miscited } : {}),
    };
  });
}
