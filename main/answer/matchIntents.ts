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

interface PreparedQuestion {
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
function prepare(question: string): PreparedQuestion {
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
function readExample(example: string): { terms: Set<string>; concepts: string[] } {
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

/** What the answer engine knows besides the words: where retrieval went and whether it is unsure. */
export interface RetrievalEvidence {
  /** Articles of the best passages, best first. */
  articles: string[];
  /** The answer's confidence is below the profile's minimum. */
  unsure: boolean;
  /** The share of the knowledge's passages that express a concept (`wordClasses`); unknown counts as rare. */
  conceptShare?: (concept: string) => number;
}

/** Combined learned evidence at which a topic is handed off, by the topic's risk. */
export const learnedThreshold = { normal: 0.6, high: 0.55 } as const;
/**
 * Evidence at which a topic takes a question the agent is unsure about (it would hand off anyway, and
 * the hand-off then goes to the team of the topic the words lean to): much weaker for a high-risk
 * topic, a little weaker for a normal one. Any learned match needs the question's own wording
 * (examples or concepts) to bring `unsureWording`: a linked article or one shared word is not enough.
 * Measured on the hand-off dev set (`--only=answer`): a normal topic at 0.5 (or 0.45, or 0.35) when
 * unsure gives sensitive recall 0.825 → 0.850 (the rude delivery crew and the dismissive installer
 * go to complaints instead of "low confidence"), the tuning set's precision 1.000 → 0.984, nothing
 * answered differently.
 */
export const unsureThreshold = { normal: 0.5, high: 0.35 } as const;
const unsureWording = 0.3;
/** What the best passages coming from a topic's linked articles add to its evidence. */
const linkedWeight = 0.3;

/**
 * How much of an example's concepts (`wordClasses`) a question expresses, when it shares at least two:
 * "remove my login for good" and "Please close my account" share removing and the account. Worth
 * half an example match, a tenth more when three or more concepts are shared.
 */
function conceptSimilarity(q: PreparedQuestion, example: string, share: (concept: string) => number): number {
  const { concepts } = readExample(example);
  const sharedConcepts = concepts.filter((c) => q.classes.has(c));
  // Shared concepts the knowledge itself speaks of everywhere (details, sending, a phone) are how
  // answerable questions talk too: one of them must be rare there (see `rareInKnowledge`).
  if (!sharedConcepts.some((c) => share(c) <= rareInKnowledge)) return 0;
  // Concepts count once per word that expresses them: "gone" alone is not both "forever" and "lost".
  const words = new Set(sharedConcepts.flatMap((c) => [...(q.sources.get(c) ?? [])]));
  const shared = Math.min(sharedConcepts.length, words.size);
  if (shared < 2) return 0;
  return 0.5 * (shared / concepts.length) + (shared >= 3 ? 0.1 : 0);
}

/**
 * Share of a topic's examples a concept must be in to define the topic, and the most it may be in
 * another's. Measured on the hand-off dev set (`--only=answer`): 0.5 gives sensitive recall 0.813,
 * precision 0.970; 0.4 gives 0.838 / 0.971 (asking for a person also by dismissing the bot, and a
 * lost phone with the phone); the tuning set is 0.953 / 1.000 with either.
 */
const definingShare = 0.4;
const elsewhereShare = 0.2;
/**
 * What a question expressing every concept that defines a topic counts for (see `conceptEvidence`):
 * half, and a twentieth more for each defining concept. One (danger, 0.55) is enough for a high-risk
 * topic; a topic of normal risk needs two (a charge and its dispute, 0.60): a single concept of
 * one ("my phone number") is how answerable questions talk too.
 */
const definingBase = 0.5;
/**
 * The most of the knowledge's passages a concept may be expressed in and still decide a topic: what
 * customers say and the articles rarely do (danger, a dispute, asking for a person), not what
 * answerable questions say as often (personal details, sending, a phone). On the sample, danger is in
 * 1% of the customer passages, a dispute 2%, a person 7%; personal data 23%, handing over 41%.
 */
const rareInKnowledge = 0.1;
const perConcept = 0.05;
/**
 * A defining concept the knowledge almost never expresses (at most 2% of its passages: on the sample,
 * a complaint about someone 0.4%, danger 1.7%) counts one concept more: the articles never speak
 * that way, so the question is not one they answer. A complaint ("someone above her needs to hear how
 * I was treated") then reaches a normal topic's threshold on its one concept. Dev set
 * (`--only=answer`): recall 0.850 → 0.863, sensitive answered 0.113 → 0.100, no new false hand-off.
 */
const unheardInKnowledge = 0.02;
const definingMost = 0.65;

const defined = new WeakMap<Intent[], Map<string, string[]>>();

/**
 * The concepts that define each topic, learned from its examples: in at least two fifths of them, and in
 * at most a fifth of any other topic's (danger for product safety, personal data and handing over
 * for data requests; money defines no topic, since refunds and disputes both speak of it).
 */
export function definingConcepts(intents: Intent[]): Map<string, string[]> {
  let found = defined.get(intents);
  if (found) return found;
  const shares = intents.map((intent) => {
    const examples = Object.values(intent.examples).flat();
    const counts = new Map<string, number>();
    for (const example of examples)
      for (const c of new Set(readExample(example).concepts)) counts.set(c, (counts.get(c) ?? 0) + 1);
    return new Map([...counts].map(([c, n]) => [c, n / (examples.length || 1)]));
  });
  found = new Map(
    intents.map((intent, i) => [
      intent.topic,
      // A topic that an amount decides (a large refund) is never decided by its concepts.
      intent.amountAbove
        ? []
        : [...shares[i]!]
            .filter(
              ([c, share]) =>
                share >= definingShare && shares.every((other, j) => j === i || (other.get(c) ?? 0) <= elsewhereShare),
            )
            .map(([c]) => c),
    ]),
  );
  defined.set(intents, found);
  return found;
}

/**
 * A question's evidence for a topic from the concepts that define it (`definingConcepts`): none
 * unless it expresses all of them, each in a word of its own, and one of them is rare in the
 * knowledge (`rareInKnowledge`); then `definingBase` and `perConcept` for each, and one more when one is
 * almost never expressed there (`unheardInKnowledge`).
 */
function conceptEvidence(
  q: PreparedQuestion,
  defining: string[],
  known: ((concept: string) => number) | undefined,
): number {
  const share = known ?? (() => 0);
  if (defining.length === 0 || !defining.every((c) => q.classes.has(c))) return 0;
  if (!defining.some((c) => share(c) <= rareInKnowledge)) return 0;
  const words = new Set(defining.flatMap((c) => [...(q.sources.get(c) ?? [])]));
  if (words.size < defining.length) return 0;
  // Only counted shares say a concept is almost never there (unknown ones count as rare, not as unheard).
  const unheard = known && defining.some((c) => known(c) <= unheardInKnowledge) ? perConcept : 0;
  return Math.min(definingMost, definingBase + perConcept * defining.length + unheard);
}

/**
 * Evidence for the topics no rule matched, learned from what the team wrote down rather than from
 * exact words: the example phrasings (shared words, and shared concepts), the articles linked to the
 * topic (the question's best passage comes from one), and the topic's risk (a high-risk topic needs
 * less, and takes a question the agent is unsure about when the evidence leans its way). Each match
 * says what it rests on.
 */
export function learnedIntents(question: string, intents: Intent[], retrieval: RetrievalEvidence): IntentMatch[] {
  const q = prepare(question);
  const out: IntentMatch[] = [];
  for (const intent of intents) {
    if (intent.except.some((k) => keywordMatches(k, q))) continue;
    let words = { example: '', score: 0 };
    let concepts = { example: '', score: 0 };
    for (const example of Object.values(intent.examples).flat()) {
      const w = exampleSimilarity(q, example);
      if (w > words.score) words = { example, score: w };
      const c = conceptSimilarity(q, example, retrieval.conceptShare ?? (() => 0));
      if (c > concepts.score) concepts = { example, score: c };
    }
    const linked = retrieval.articles[0] !== undefined && intent.articles.includes(retrieval.articles[0]);
    const defining = definingConcepts(intents).get(intent.topic) ?? [];
    const defines = conceptEvidence(q, defining, retrieval.conceptShare);
    const byExample =
      concepts.score > words.score
        ? { ...concepts, how: 'shares its concepts with' }
        : { ...words, how: 'is close to' };
    const best =
      defines > byExample.score
        ? {
            example: defining.map((c) => c.slice(1)).join(' and '),
            score: defines,
            how: 'expresses what defines the topic:',
          }
        : byExample;
    const score = best.score + (linked ? linkedWeight : 0);
    const threshold = learnedThreshold[intent.risk];
    const unsure = retrieval.unsure && score >= unsureThreshold[intent.risk];
    // The question's own words must lean towards the topic: a shared word or a link adds, never decides.
    if (best.score < unsureWording || (score < threshold && !unsure)) continue;
    const parts = [
      ...(best.score > 0
        ? [
            best.how.endsWith(':')
              ? `the question ${best.how} ${best.example} (${best.score.toFixed(2)})`
              : `the question ${best.how} the example "${best.example}" (${best.score.toFixed(2)})`,
          ]
        : []),
      ...(linked ? [`its best passage is from ${retrieval.articles[0]}, linked to ${intent.topic}`] : []),
      ...(score < threshold
        ? [
            intent.risk === 'high'
              ? `${intent.topic} is high-risk and no article answers the question confidently`
              : 'no article answers the question confidently',
          ]
        : []),
    ];
    out.push({ topic: intent.topic, rule: intent.rule, by: 'learned', evidence: parts.join('; '), score });
  }
  return out.sort((a, b) => b.score - a.score);
}
