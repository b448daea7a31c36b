import type { Intent } from './agentProfile.js';
import {
  exampleSimilarity,
  keywordMatches,
  prepare,
  readExample,
  type IntentMatch,
  type PreparedQuestion,
} from './matchIntents.js';

// Evidence for a hand-off topic beyond the words a team wrote down (examples, concepts, linked
// articles, risk), asked only when no rule matched: `matchIntents` holds the rules themselves.

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
