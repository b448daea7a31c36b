import { passageSentences } from '../answer/index.js';
import type { ChunkRow } from '../indexing/index.js';
import {
  cosine,
  countsOf,
  documentFrequencies,
  localeLanguage,
  quantityStatements,
  smoothIdf,
  snippetText,
  term,
  terms,
  tfidfVector,
  words,
  type QuantityStatement,
  type SparseVector,
} from '../text/index.js';

export { quantityStatements, type QuantityStatement };

/** One chunk of an article, as the health check compares it. */
export interface HealthPassage {
  chunkId: string;
  articleId: string;
  title: string;
  headings: string[];
  text: string;
  locale: string;
}

/** The chunks customers can be answered from (audience customer, not archived), as passages. */
export function customerPassages(
  rows: Pick<ChunkRow, 'id' | 'article_id' | 'locale' | 'audience' | 'status' | 'title' | 'headings' | 'text'>[],
): HealthPassage[] {
  return rows
    .filter((r) => r.audience === 'customer' && r.status !== 'archived')
    .map((r) => ({
      chunkId: r.id,
      articleId: r.article_id,
      title: r.title,
      headings: JSON.parse(r.headings) as string[],
      text: r.text,
      locale: r.locale,
    }));
}

/** Two passages of different articles that say nearly the same thing. */
export interface DuplicatePair {
  a: HealthPassage;
  b: HealthPassage;
  similarity: number;
}

/** Two similar passages of different articles that state different quantities of the same unit. */
export interface ConflictPair {
  a: HealthPassage;
  b: HealthPassage;
  similarity: number;
  /** the differing statements */
  aStates: string[];
  bStates: string[];
  /** what differs, e.g. "7 days" vs "14 days" */
  summary: string;
}

export interface HealthReport {
  passages: number;
  duplicates: DuplicatePair[];
  conflicts: ConflictPair[];
}

export interface HealthOptions {
  /** Cosine similarity from which two passages count as near-duplicates. */
  duplicateThreshold?: number;
  /** Cosine similarity from which two passages discuss the same thing, so their quantities must agree. */
  conflictThreshold?: number;
}

/**
 * Measured on the sample workspace and the cases in knowledgeHealth.test.ts. Duplicates: a
 * paragraph copied with a few words changed scores 0.87–0.92; the sample's closest pair of
 * articles, one fact told in each one's own words, 0.71; a reworded step 0.44. Conflicts (passage
 * or statement similarity): the planted "7 days" against the returns policy's "30 days" scores
 * 0.47–0.50 (0.61 in Chinese); the sample's closest agreeing pairs 0.39 ("change them once every 7
 * days" against "trust a device for 30 days") and 0.38 ("we reply within 1 business day" about
 * damage against "5 business days" about a warranty claim). Statements about different things (a
 * gift card refunded within 7 days, a refund valid for 90 more, 0.41) are never compared.
 */
export const defaultDuplicateThreshold = 0.8;
export const defaultConflictThreshold = 0.45;

/**
 * Below this whole-passage similarity two passages share too little to be about one thing, so
 * their statements are not compared (which keeps 3,000 passages fast). The conflicts in the test
 * cases sit at 0.18 or more; 0.1 leaves room for a statement inside a long chunk.
 */
const topicFloor = 0.1;

/**
 * What a statement is about, as the terms next to its number on each side: "refunded to the buyer
 * within | 7 days | of purchase" has {refund, buyer} before and {purchas} after.
 */
interface Subject {
  before: Set<string>;
  after: Set<string>;
}

interface Statement {
  q: QuantityStatement;
  vector: SparseVector;
  subject: Subject;
}

interface Prepared {
  passage: HealthPassage;
  vector: SparseVector;
  /** Quantity statements by unit, each with the vector of the words around it and the article's title. */
  statements: Map<string, Statement[]>;
}

/**
 * The words around a statement, which say what the number is about ("return it within … of
 * delivery"); with the article's title they tell "we reply within 1 business day" about damage
 * apart from the same words about a warranty claim. Measured on the cases in the test: windows
 * of 4–6 words before and 2–4 after separate conflicts from agreeing pairs; whole sentences and
 * headings do not (long sentences dilute the shared words, headings add unrelated ones). In a
 * table row ("Standard — Cost: 12 CNY; …") the window stays in its cell and takes the row's name.
 */
function around(q: QuantityStatement): { row: string; before: string[]; after: string } {
  const row = /^(.+?) — /.exec(q.sentence);
  const cells = (text: string) => text.split(/[;；]/);
  const before = cells(q.sentence.slice(row ? row[0].length : 0, q.start))
    .pop()!
    .slice(-80);
  const after = cells(q.sentence.slice(q.end))[0]!.slice(0, 60);
  return { row: row?.[1] ?? '', before: words(before).slice(-5), after };
}

/** Words that frame an amount ("within", "up to", "usually takes", "内", "最多") rather than say what it is of. */
const framingTerms = new Set(
  [
    ...['within', 'every', 'each', 'per', 'least', 'most', 'maximum', 'minimum', 'max', 'min', 'until', 'till'],
    ...['usually', 'typically', 'normally', 'generally', 'approximately', 'roughly', 'around', 'nearly', 'almost'],
    ...['longer', 'shorter', 'less', 'fewer', 'further', 'additional', 'extra', 'total', 'take', 'takes', 'taking'],
    ...['内', '以内', '之内', '后', '之后', '以后', '前', '之前', '以前', '最多', '最长', '最少', '至少', '一般'],
    ...['通常', '约', '大约', '左右', '需要', '每', '再', '共', '总共'],
  ].map(term),
);

const aboutTerms = (text: string) => new Set(terms(text).filter((t) => !framingTerms.has(t)));

/** The terms on each side of a statement's number: the row's name and up to 5 words before, up to 3 after within the clause. */
function subjectOf({ row, before, after }: ReturnType<typeof around>): Subject {
  const clause = after.split(/[,，、:：()（）.。]/)[0]!;
  return { before: aboutTerms([row, ...before].join(' ')), after: aboutTerms(words(clause).slice(0, 3).join(' ')) };
}

/**
 * Whether two statements are about the same thing: on each side where both have terms, they share
 * one. "Refunded to the buyer within 7 days" and "valid for a further 90 days" are not; "refunds
 * take 5 business days" and "refunds take 10 business days to arrive" are (nothing after the first).
 */
function sameSubject(x: Subject, y: Subject): boolean {
  return (['before', 'after'] as const).every(
    (side) => !x[side].size || !y[side].size || [...x[side]].some((t) => y[side].has(t)),
  );
}

/** GitHub alert markers (`> [!NOTE]`), which Markdown parsers read as text. */
const alertMarker = /^([ \t]*>[ \t]*)\[!(?:note|tip|important|warning|caution)\][ \t]*$/gim;

/** Markdown as the reader sees it: no `**`, links as their text, no alert markers. */
const plainText = (markdown: string) => snippetText(markdown.replace(alertMarker, '$1'));

/** A sentence of `passageSentences` without the marks it leaves ("*Final sale*"), parsed only when it has any. */
const plainSentence = (text: string) => (/[*_`\\[<&]/.test(text) ? plainText(text) : text);

/** TF-IDF vectors (sublinear term frequency, smoothed IDF over one language's passages). */
function prepare(group: HealthPassage[]): Prepared[] {
  const termIds = new Map<string, number>();
  const idsOf = (text: string) =>
    terms(text, { hanPairs: true }).map((t) => {
      let id = termIds.get(t);
      if (id === undefined) termIds.set(t, (id = termIds.size));
      return id;
    });
  const titles = new Map<string, number[]>();
  const read = group.map((p) => {
    const sentences = passageSentences(p.text.replace(alertMarker, '$1'), p.locale).map((s) => {
      const text = plainSentence(s.text);
      return { text, ids: idsOf(text) };
    });
    const headings = idsOf(p.headings.join('\n'));
    let title = titles.get(p.title);
    if (!title) titles.set(p.title, (title = idsOf(p.title)));
    return { sentences, title, body: [...headings, ...sentences.flatMap((s) => s.ids)] };
  });
  const df = documentFrequencies(read.map((r) => [...r.body, ...r.title]));
  const idf = (id: number) => smoothIdf(df.get(id) ?? 0, group.length);
  const vectorOf = (ids: number[]): SparseVector => tfidfVector(countsOf(ids.toSorted((a, b) => a - b)), idf);
  return group.map((passage, i) => {
    const { sentences, title, body } = read[i]!;
    const statements: Prepared['statements'] = new Map();
    for (const s of sentences) {
      for (const q of quantityStatements(s.text)) {
        const sides = around(q);
        const window = [sides.row, ...sides.before, ...words(sides.after).slice(0, 3)].join(' ');
        const vector = vectorOf([...title, ...idsOf(window)]);
        statements.set(q.unit, [...(statements.get(q.unit) ?? []), { q, vector, subject: subjectOf(sides) }]);
      }
    }
    return { passage, vector: vectorOf(body), statements };
  });
}

const within = (q: QuantityStatement, others: { q: QuantityStatement }[]) =>
  others.some(({ q: o }) => o.low <= q.low && q.high <= o.high);
const saidOf = (qs: QuantityStatement[]) => [...new Set(qs.map((q) => q.said))].join(', ');
const sentencesOf = (qs: QuantityStatement[]) => [...new Set(qs.map((q) => q.sentence))];

/** The pairs in which each statement is the other's closest: "15 CNY" answers the Standard row, not every row of the table. */
function mutualBest<T extends { x: QuantityStatement; y: QuantityStatement; s: number }>(pairs: T[]): T[] {
  const bestX = new Map<QuantityStatement, number>();
  const bestY = new Map<QuantityStatement, number>();
  for (const p of pairs) {
    bestX.set(p.x, Math.max(bestX.get(p.x) ?? 0, p.s));
    bestY.set(p.y, Math.max(bestY.get(p.y) ?? 0, p.s));
  }
  return pairs.filter((p) => p.s === bestX.get(p.x) && p.s === bestY.get(p.y));
}

/**
 * Where two passages state different quantities of one unit about the same thing (see `sameSubject`)
 * and neither's numbers hold the other's (a range holds the numbers inside it). The whole passages
 * being similar makes every such difference a conflict; otherwise only differing statements whose
 * sentences are similar.
 */
function conflictOf(a: Prepared, b: Prepared, similarity: number, threshold: number): ConflictPair | undefined {
  const aStates: QuantityStatement[] = [];
  const bStates: QuantityStatement[] = [];
  const summaries: string[] = [];
  let best = similarity;
  for (const [unit, ofA] of a.statements) {
    const ofB = b.statements.get(unit);
    if (!ofB) continue;
    const aOnly = ofA.filter((s) => !within(s.q, ofB));
    const bOnly = ofB.filter((s) => !within(s.q, ofA));
    if (!aOnly.length || !bOnly.length) continue;
    const pairs = aOnly.flatMap((x) =>
      bOnly
        .filter((y) => sameSubject(x.subject, y.subject))
        .map((y) => ({ x: x.q, y: y.q, s: cosine(x.vector, y.vector) })),
    );
    if (!pairs.length) continue;
    const closest = Math.max(...pairs.map((p) => p.s));
    if (similarity < threshold && closest < threshold) continue;
    best = Math.max(best, closest);
    const close = mutualBest(pairs.filter((p) => p.s >= Math.min(threshold, closest)));
    const x = [...new Set(close.map((p) => p.x))];
    const y = [...new Set(close.map((p) => p.y))];
    aStates.push(...x);
    bStates.push(...y);
    summaries.push(`${saidOf(x)} vs ${saidOf(y)}`);
  }
  if (!summaries.length) return undefined;
  return {
    a: a.passage,
    b: b.passage,
    similarity: best,
    aStates: sentencesOf(aStates),
    bStates: sentencesOf(bStates),
    summary: summaries.join('; '),
  };
}

/**
 * Near-duplicate and conflicting passages across articles of one language: cosine similarity of
 * TF-IDF vectors (words and Chinese character pairs, numbers left out), compared only for pairs
 * that share a term. Best first; passages and statements as plain text, without Markdown marks.
 */
export function knowledgeHealth(passages: HealthPassage[], options: HealthOptions = {}): HealthReport {
  const duplicateThreshold = options.duplicateThreshold ?? defaultDuplicateThreshold;
  const conflictThreshold = options.conflictThreshold ?? defaultConflictThreshold;
  const floor = Math.min(duplicateThreshold, conflictThreshold, topicFloor);
  const groups = new Map<string, HealthPassage[]>();
  for (const p of passages) {
    const group = groups.get(localeLanguage(p.locale));
    if (group) group.push(p);
    else groups.set(localeLanguage(p.locale), [p]);
  }
  const duplicates: DuplicatePair[] = [];
  const conflicts: ConflictPair[] = [];
  for (const group of groups.values()) {
    const prepared = prepare(group);
    const postings = new Map<number, { at: number[]; weights: number[] }>();
    const scores = new Float64Array(prepared.length);
    prepared.forEach((p, at) => {
      const touched: number[] = [];
      const { ids, weights } = p.vector;
      for (let k = 0; k < ids.length; k++) {
        const list = postings.get(ids[k]!);
        if (!list) continue;
        const w = weights[k]!;
        for (let n = 0; n < list.at.length; n++) {
          const i = list.at[n]!;
          if (scores[i] === 0) touched.push(i);
          scores[i] = scores[i]! + w * list.weights[n]!;
        }
      }
      for (const i of touched) {
        const similarity = Math.min(1, scores[i]!);
        scores[i] = 0;
        const other = prepared[i]!;
        if (similarity < floor || other.passage.articleId === p.passage.articleId) continue;
        if (similarity >= duplicateThreshold) duplicates.push({ a: other.passage, b: p.passage, similarity });
        const conflict = conflictOf(other, p, similarity, conflictThreshold);
        if (conflict) conflicts.push(conflict);
      }
      for (let k = 0; k < ids.length; k++) {
        let list = postings.get(ids[k]!);
        if (!list) postings.set(ids[k]!, (list = { at: [], weights: [] }));
        list.at.push(at);
        list.weights.push(weights[k]!);
      }
    });
  }
  const bestFirst = (x: { similarity: number }, y: { similarity: number }) => y.similarity - x.similarity;
  const plain = new Map<HealthPassage, HealthPassage>();
  const shown = (p: HealthPassage) => {
    let out = plain.get(p);
    if (!out) plain.set(p, (out = { ...p, text: plainText(p.text) }));
    return out;
  };
  return {
    passages: passages.length,
    duplicates: duplicates.sort(bestFirst).map((d) => ({ ...d, a: shown(d.a), b: shown(d.b) })),
    conflicts: conflicts.sort(bestFirst).map((c) => ({ ...c, a: shown(c.a), b: shown(c.b) })),
  };
}
