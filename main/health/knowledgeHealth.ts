import { passageSentences } from '../answer/index.js';
import { contentTerms, hanBigrams, numbersIn, wordsOf } from '../answer/index.js';
import type { ChunkRow } from '../indexing/index.js';

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
 * 0.47–0.50 (0.61 in Chinese); the sample's closest agreeing pair (a gift card refunded within 7
 * days, a refund valid for 90 more) 0.41, and 0.38 for "we reply within 1 business day" about
 * damage against "5 business days" about a warranty claim.
 */
export const defaultDuplicateThreshold = 0.8;
export const defaultConflictThreshold = 0.45;

/** A quantity a sentence states: a number or range of one unit ("1–3 business days", "¥199", "30 天"). */
export interface QuantityStatement {
  unit: string;
  low: number;
  high: number;
  /** The words as written, e.g. "7 days". */
  said: string;
  sentence: string;
  /** Where the statement sits in the sentence. */
  start: number;
  end: number;
}

const currencyUnits: Record<string, string> = Object.fromEntries(
  Object.entries({
    CNY: '¥ ￥ cny rmb yuan 元 人民币',
    USD: '$ us$ usd dollar 美元',
    EUR: '€ eur euro 欧元',
    GBP: '£ gbp pound 英镑',
    '%': '% ％ percent',
  }).flatMap(([unit, written]) => written.split(' ').map((w) => [w, unit])),
);
/** Chinese units as written, and the unit they are compared as. */
const hanUnits =
  '个工作日=工作日 工作日 个自然日=天 自然日=天 小时 分钟 个月 周 星期=周 天 日=天 年 次 件 位 张 秒 公斤=kg 千克=kg'
    .split(' ')
    .map((entry) => entry.split('='))
    .map(([written, unit]) => [written!, unit ?? written!] as const);
const months = 'january february march april may june july august september october november december'.split(' ');
const qualifiers = new Set(['business', 'working', 'calendar', 'extra', 'additional', 'more', 'consecutive']);
const notUnits = new Set([
  ...['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'per', 'x', 'is'],
  ...['are', 'was', 'be', 'if', 'than', 'then', 'as', 'but', 'so', 'it', 'we', 'you', 'your', 'this', 'that'],
]);
const number = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const currencyBefore = String.raw`(?:(¥|￥|US\$|\$|€|£|CNY|RMB|USD|EUR|GBP)\s?)?`;
const quantityPattern = new RegExp(
  String.raw`(?<![A-Za-z\d_.#/-])${currencyBefore}(${number})(?:\s*(?:–|—|-|~|～|to|至|到)\s*(?:¥|￥|\$)?(${number}))?`,
  'giu',
);
/** Numbers listed before the one that carries the unit: "100, 200, 500 or 1,000 CNY". */
const listedBefore = new RegExp(String.raw`(?<![¥￥$€£\w.,])(?:(?:${number})\s*(?:,|，|、|or|and|或|和)\s*)+$`, 'i');
const calculation = /[×÷=+−*]\s*$/;
const chineseDate = /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  return word;
}

/** The unit written after a number, and how many characters it takes. */
function unitAfter(tail: string): { unit: string; length: number } | undefined {
  const sym = /^\s?(%|％)/.exec(tail);
  if (sym) return { unit: '%', length: sym[0].length };
  const hanStart = /^\s?/.exec(tail)![0].length;
  for (const [written, unit] of hanUnits)
    if (tail.startsWith(written, hanStart)) return { unit, length: hanStart + written.length };
  const han = /^\s?(美元|欧元|英镑|人民币|元)/.exec(tail);
  if (han) return { unit: currencyUnits[han[1]!]!, length: han[0].length };
  const latin = /^([\s-]?)([A-Za-z]+)(?:\s([A-Za-z]+))?(?:\s([A-Za-z]+))?/.exec(tail);
  if (!latin) return undefined;
  const lead = latin[1]!.length;
  const words = latin.slice(2).filter((w): w is string => Boolean(w));
  const first = words[0]!.toLowerCase();
  const currency = currencyUnits[first] ?? currencyUnits[singular(first)];
  if (currency) return { unit: currency, length: lead + first.length };
  if (months.includes(first)) return { unit: first, length: lead + first.length };
  if (notUnits.has(first) || first.length < 2) return undefined;
  let n = 0;
  while (n + 1 < words.length && qualifiers.has(words[n]!.toLowerCase())) n++;
  const taken = words.slice(0, n + 1);
  return {
    unit: taken.map((w) => singular(w.toLowerCase())).join(' '),
    length: lead + taken.join(' ').length,
  };
}

const toNumber = (written: string) => Number(numbersIn(written)[0] ?? Number.NaN);
const isYear = (written: string) => /^(19|20)\d\d$/.test(written);
const blank = (m: string) => ' '.repeat(m.length);

/** The quantities a sentence states with a unit; order numbers, times of day, years, sums and bare numbers are left out. */
export function quantityStatements(sentence: string): QuantityStatement[] {
  const text = sentence
    .replace(/\b[A-Z]{1,4}-\d[\w-]*/g, blank)
    .replace(/\d{1,2}:\d\d/g, blank)
    .replace(/\d{3,4}-\d{3,4}-\d{3,4}/g, blank);
  const out: QuantityStatement[] = [];
  for (const m of text.matchAll(chineseDate)) {
    const day = Number(m[2]);
    const start = m.index;
    out.push({ unit: `${Number(m[1])}月`, low: day, high: day, said: m[0], sentence, start, end: start + m[0].length });
  }
  const rest = text.replace(chineseDate, blank);
  for (const m of rest.matchAll(quantityPattern)) {
    const [whole, prefix, first, second] = m;
    const end = m.index + whole.length;
    const before = rest.slice(0, m.index);
    if (calculation.test(before) || /^\s*[×÷=+−*]/.test(rest.slice(end))) continue;
    const after = unitAfter(rest.slice(end, end + 40));
    const unit = prefix ? currencyUnits[prefix.toLowerCase()] : after?.unit;
    if (!unit) continue;
    if (isYear(first!) && !second && unit !== 'CNY' && unit !== 'USD') continue;
    const a = toNumber(first!);
    const b = second ? toNumber(second) : a;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const written = prefix || !after ? '' : rest.slice(end, end + after.length);
    const said = { sentence, start: m.index, end: end + written.length };
    out.push({ unit, low: Math.min(a, b), high: Math.max(a, b), said: whole + written, ...said });
    const listed = prefix ? undefined : listedBefore.exec(before);
    for (const n of listed ? listed[0].matchAll(new RegExp(number, 'g')) : []) {
      const value = toNumber(n[0]);
      const start = listed!.index + n.index;
      out.push({ unit, low: value, high: value, said: `${n[0]}${written}`, sentence, start, end: start + n[0].length });
    }
  }
  return out;
}

/**
 * Below this whole-passage similarity two passages share too little to be about one thing, so
 * their statements are not compared (which keeps 3,000 passages fast). The conflicts in the test
 * cases sit at 0.18 or more; 0.1 leaves room for a statement inside a long chunk.
 */
const topicFloor = 0.1;

/** A sparse unit-length vector: term ids in increasing order and their weights. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

interface Prepared {
  passage: HealthPassage;
  vector: Vector;
  /** Quantity statements by unit, each with the vector of the words around it and the article's title. */
  statements: Map<string, { q: QuantityStatement; vector: Vector }[]>;
}

const languageOf = (locale: string) => locale.toLowerCase().split(/[-_]/)[0] ?? '';
const termsOf = (text: string) => [...contentTerms(text), ...hanBigrams(text)];

function cosine(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length;) {
    if (a.ids[i] === b.ids[j]) sum += a.weights[i++]! * b.weights[j++]!;
    else if (a.ids[i]! < b.ids[j]!) i++;
    else j++;
  }
  return sum;
}

/**
 * The words around a statement, which say what the number is about ("return it within … of
 * delivery"); with the article's title they tell "we reply within 1 business day" about damage
 * apart from the same words about a warranty claim. Measured on the cases in the test: windows
 * of 4–6 words before and 2–4 after separate conflicts from agreeing pairs; whole sentences and
 * headings do not (long sentences dilute the shared words, headings add unrelated ones). In a
 * table row ("Standard — Cost: 12 CNY; …") the window stays in its cell and takes the row's name.
 */
function around(q: QuantityStatement): string {
  const row = /^(.+?) — /.exec(q.sentence);
  const cells = (text: string) => text.split(/[;；]/);
  const before = cells(q.sentence.slice(row ? row[0].length : 0, q.start))
    .pop()!
    .slice(-80);
  const after = cells(q.sentence.slice(q.end))[0]!.slice(0, 60);
  return [row?.[1] ?? '', ...wordsOf(before).slice(-5), ...wordsOf(after).slice(0, 3)].join(' ');
}

/** TF-IDF vectors (sublinear term frequency, smoothed IDF over one language's passages). */
function prepare(group: HealthPassage[]): Prepared[] {
  const termIds = new Map<string, number>();
  const idsOf = (text: string) =>
    termsOf(text).map((t) => {
      let id = termIds.get(t);
      if (id === undefined) termIds.set(t, (id = termIds.size));
      return id;
    });
  const titles = new Map<string, number[]>();
  const read = group.map((p) => {
    const sentences = passageSentences(p.text, p.locale).map((s) => ({ text: s.text, ids: idsOf(s.text) }));
    const headings = idsOf(p.headings.join('\n'));
    let title = titles.get(p.title);
    if (!title) titles.set(p.title, (title = idsOf(p.title)));
    return { sentences, title, terms: [...headings, ...sentences.flatMap((s) => s.ids)] };
  });
  const df: number[] = [];
  for (const r of read) for (const id of new Set([...r.terms, ...r.title])) df[id] = (df[id] ?? 0) + 1;
  const vectorOf = (ids: number[]): Vector => {
    const counts = new Map<number, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    const sorted = Int32Array.from(counts.keys()).sort();
    const weights = Float64Array.from(
      sorted,
      (id) => (1 + Math.log(counts.get(id)!)) * (Math.log((1 + group.length) / (1 + (df[id] ?? 0))) + 1),
    );
    const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0)) || 1;
    return { ids: sorted, weights: weights.map((w) => w / norm) };
  };
  return group.map((passage, i) => {
    const { sentences, title, terms } = read[i]!;
    const statements: Prepared['statements'] = new Map();
    for (const s of sentences) {
      for (const q of quantityStatements(s.text)) {
        const vector = vectorOf([...title, ...idsOf(around(q))]);
        statements.set(q.unit, [...(statements.get(q.unit) ?? []), { q, vector }]);
      }
    }
    return { passage, vector: vectorOf(terms), statements };
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
 * Where two passages state different quantities of one unit and neither's numbers hold the other's
 * (a range holds the numbers inside it). The whole passages being similar makes every such
 * difference a conflict; otherwise only differing statements whose sentences are similar.
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
    const pairs = aOnly.flatMap((x) => bOnly.map((y) => ({ x: x.q, y: y.q, s: cosine(x.vector, y.vector) })));
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
 * that share a term. Best first.
 */
export function knowledgeHealth(passages: HealthPassage[], options: HealthOptions = {}): HealthReport {
  const duplicateThreshold = options.duplicateThreshold ?? defaultDuplicateThreshold;
  const conflictThreshold = options.conflictThreshold ?? defaultConflictThreshold;
  const floor = Math.min(duplicateThreshold, conflictThreshold, topicFloor);
  const groups = new Map<string, HealthPassage[]>();
  for (const p of passages) {
    const group = groups.get(languageOf(p.locale));
    if (group) group.push(p);
    else groups.set(languageOf(p.locale), [p]);
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
  return { passages: passages.length, duplicates: duplicates.sort(bestFirst), conflicts: conflicts.sort(bestFirst) };
}
