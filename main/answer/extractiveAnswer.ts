import type { CitedPassage } from './checkGrounding.js';
import { coverage, introducesNext, passageTerms, type TermStats } from '../text/index.js';
import { passageUnits, type PassageUnit } from './passageUnits.js';

export interface ExtractiveLimits {
  /** Most English words in an answer. */
  words: number;
  /** Most Chinese characters in an answer. */
  characters: number;
}

interface Candidate extends PassageUnit {
  n: number;
  rank: number;
  /** From the article ranked first. */
  first: boolean;
  score: number;
}

const hanChars = /\p{Script=Han}/gu;
/** Sentences that point elsewhere ("This page explains…", "see Refund policy") rather than answer. */
const pointer =
  /^(this (page|article|guide|section)|here you|read |for more|learn more)|\bsee\b|本文|本页|详见|参见|请看/i;
/** A sentence that asks rather than tells. */
const asked = /[?？]\s*$/;
/** Questions whose answer is a procedure: how do I, how to, 怎么, 如何. */
const asksSteps = /\bhow (do|can|should|would) (i|we|you)\b|\bhow to\b|\bsteps?\b|怎么|如何|怎样|步骤|操作/i;
/** Questions whose answer is a number: how long, how much, how many, when (多久, 多少, 几天). */
const asksQuantity =
  /\b(how (long|much|many|soon|late|early|often|big|large)|when|what time|how old|fees?|costs?|prices?|limits?|maximum|minimum|max|min)\b|多久|多少|几[天个次周月年小]|什么时候|多长|多大|费用|价格|上限|限制/i;
/** A stated quantity: digits, or a number written as a word ("three minutes", 三天). */
const statesQuantity =
  /\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|half|a few|several|once|twice|unlimited|free)\b|[一二两三四五六七八九十百千万半][个天日周月年小分秒次元倍]|免费|不限|无限/i;
/** Questions whose number is a time: how long, how often, when (多久, 几天). */
const asksTime = /\b(how (long|soon|often|late|early)|when|what time)\b|多久|多长时间|几[天周月年小]|什么时候|多快/i;
/** A stated time: a number or number word with a unit of time, or "immediately" (三天, 1–3 business days). */
const statesTime =
  /(\d[\d,.]*|\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a few|several))\)?(\s*\(\d+\))?\s*[-–~]?\s*(\d+\s*)?(business |working |calendar )?(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b|\b(immediately|instantly|right away|straight away)\b|[\d一二两三四五六七八九十百半几]+\s*(个)?(工作日|小时|分钟|天|周|星期|个月|月|年|秒)|立即|立刻|马上/i;
/** A stated length of time, with its number: "24 hours", "1–3 business days", "三天". */
const timeSpan =
  /\d[\d,.]*\)?\s*[-–~]?\s*(\d+\s*)?(business |working |calendar )?(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b|[\d一二两三四五六七八九十百半几]+\s*(个)?(工作日|小时|分钟|天|周|星期|个月|月|年|秒)/i;
/** A stated amount of money, with its number: "$20/year", "9.99 GBP", "199 元". */
const moneyAmount =
  /[$€£¥￥]\s*\d|\d[\d,.]*\s*(usd|eur|gbp|cny|rmb|dollars?|euros?|pounds?|yuan|元|块|美元|欧元|英镑)|\b(usd|eur|gbp|cny)\s*\d/i;
/** Questions whose number is money: how much, cost, price, fee, spend (多少钱, 费用). */
const asksMoney = /\b(how much|costs?|prices?|fees?|charge[sd]?|pay|spend)\b|多少钱|费用|价格|收费|价钱|花多少/i;
/** A stated amount of money, or "free". */
const statesMoney =
  /[$€£¥￥]\s*\d|\d[\d,.]*\s*(usd|eur|gbp|cny|rmb|dollars?|euros?|pounds?|yuan|元|块|美元|欧元|英镑)|\b(usd|eur|gbp|cny)\s*\d|\bfree\b|免费/i;

/** Yes-or-no questions: the answer states whether, and on what condition. */
const asksWhether =
  /^\s*(can|could|do|does|did|is|are|will|should|may|am)\b|能不能|可不可以|是否|能否|可以.*吗|吗[？?]?\s*$/i;

/** Sentences are chosen by their informative words: "now" or "tried" must not decide. */
const everyday = { everyday: true };

/** The passage holding the chunk that follows passage `n`'s chunk in its article, if it was retrieved. */
function nextChunk(passages: { n: number; chunkId?: string }[], n: number): number | undefined {
  const at = passages.find((p) => p.n === n)?.chunkId?.match(/^(.*)#(\d+)$/);
  if (!at) return undefined;
  const id = `${at[1]}#${Number(at[2]) + 1}`;
  return passages.find((p) => p.chunkId === id)?.n;
}

function lengthOf(text: string, language: 'zh' | 'en'): number {
  return language === 'zh' ? (text.match(hanChars)?.length ?? 0) : text.split(/\s+/).filter(Boolean).length;
}

/**
 * The offline answer: the unit of the passages (sentence, list item, table row) that best carries the
 * question's weighted terms under its heading comes first, so the first sentence answers; a number
 * is preferred when the question asks for one, a numbered list (read whole, in order) when it asks
 * how to, a table row is read as "key: value". Then the units around it that also answer, within
 * the profile's length. Plain text, one unit per line for lists and rows, each followed by the mark
 * of its passage ([1]). Passages come best first: the first is the best article's best section.
 */
export function extractiveAnswer(
  question: string,
  terms: string[],
  passages: (CitedPassage & { locale: string; headings: string[]; articleId?: string; chunkId?: string })[],
  stats: TermStats,
  language: 'zh' | 'en',
  limits: ExtractiveLimits,
): string {
  const quantity = asksQuantity.test(question);
  const time = quantity && asksTime.test(question);
  const money = quantity && asksMoney.test(question);
  const steps = !quantity && asksSteps.test(question);
  const whether = asksWhether.test(question);
  const candidates: Candidate[] = [];
  passages.forEach((p, rank) => {
    for (const unit of passageUnits(p.text, p.locale)) {
      const own = coverage(terms, passageTerms(unit.text), stats, everyday).score;
      const heading = unit.heading ?? p.headings.at(-1) ?? '';
      const columns = unit.columns?.join('\n') ?? '';
      const inContext = coverage(
        terms,
        passageTerms(`${p.title}
${heading}
${columns}
${unit.text}`),
        stats,
      ).score;
      let score = 0.5 * own + 0.5 * inContext;
      // A lookup table: the question names the row ("my card") and asks for a column (how long).
      if (unit.kind === 'row' && unit.key && coverage(terms, passageTerms(unit.key), stats).score > 0)
        score *= quantity && statesQuantity.test(unit.text) ? 1.4 : 1.25;
      if (quantity) score *= statesQuantity.test(unit.text) ? 1.2 : 0.7;
      // The kind of number asked for: a time for how long, an amount for how much.
      // A length of time ("within 24 hours, up to 6 weeks") answers how long better than "immediately".
      if (time && statesTime.test(unit.text)) score *= timeSpan.test(unit.text) ? 1.2 : 1.1;
      if (money && statesMoney.test(unit.text)) score *= 1.2;
      if (steps && unit.kind === 'item') score *= unit.ordered ? 1.3 : 1.15;
      if (pointer.test(unit.text)) score *= 0.5;
      if (unit.text.length < 12 && unit.kind === 'sentence') score *= 0.6;
      const first = p.articleId === undefined ? rank === 0 : p.articleId === passages[0]!.articleId;
      candidates.push({ ...unit, n: p.n, rank, first, score: score * (1 - rank * 0.15) });
    }
  });
  if (candidates.length === 0) return '';
  // A question in the text ("Can I pay later?") is not an answer: the sentence after it is, and it
  // is worth what the question matched.
  candidates.forEach((c, i) => {
    const next = candidates[i + 1];
    if (!asked.test(c.text) || c.kind === 'row') return;
    if (next && next.n === c.n && !asked.test(next.text)) next.score = Math.max(next.score, c.score * 0.95);
    c.score *= 0.5;
  });
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.rank - b.rank || a.position - b.position);
  // The answer opens from the best article (the one ranked first): its citation is the right one.
  const top = ranked.find((c) => c.first && c.score > 0) ?? ranked[0]!;
  const limit = language === 'zh' ? limits.characters : limits.words;
  const picked: Candidate[] = [];
  let used = 0;
  const take = (c: Candidate, force = false) => {
    if (picked.includes(c)) return true;
    const length = lengthOf(c.text, language);
    if (!force && picked.length > 0 && used + length > limit) return false;
    picked.push(c);
    used += length;
    return true;
  };
  take(top, true);
  // The figure asked for has its number: a span of time, an amount of money, any quantity.
  const statesAsked = (text: string) => (time ? timeSpan : money ? moneyAmount : statesQuantity).test(text);
  if (quantity && !statesAsked(top.text)) {
    // The number asked for, from the same article, follows the sentence that best names the topic.
    const figure = ranked.find((c) => c.first && c !== top && c.score > 0 && statesAsked(c.text));
    if (figure) take(figure);
  }
  const sameBlock = candidates.filter((c) => c.n === top.n && c.block === top.block);
  const procedure = top.kind === 'item' && (steps || !!top.ordered);
  if (procedure) {
    // A procedure is read whole and in order: every step of the list the best step belongs to.
    for (const c of sameBlock.sort((a, b) => a.position - b.position)) if (!take(c)) break;
  } else if (!quantity || !statesQuantity.test(top.text) || introducesNext(top.text)) {
    // Read on from the best unit through its section, the way a person answers from a page: the
    // problem a customer describes is followed by its fix, "try the following:" by the list.
    // The section may go on in the article's next chunk ("the following steps." and then the list).
    // A bold line inside it ("**Recommended solution:**") labels a part of the section, it does not end it.
    const next = nextChunk(passages, top.n);
    const section = [
      ...candidates
        .filter((c) => c.n === top.n && c.position > top.position && c.section === top.section)
        .sort((a, b) => a.position - b.position),
      ...candidates.filter((c) => c.n === next && c.heading === top.heading).sort((a, b) => a.position - b.position),
    ];
    let count = 0;
    for (const c of section) {
      if (pointer.test(c.text) || picked.some((p) => p.text === c.text)) continue;
      if (count >= (whether ? 2 : 6) || !take(c)) break;
      count++;
    }
  }
  for (const c of ranked) {
    if (picked.length >= 8) break;
    if (c.n !== top.n && c.score >= top.score * 0.85) take(c);
  }
  // The best unit first (a procedure: its list in order), then the rest in passage order.
  const lead = procedure ? picked.filter((c) => c.n === top.n && c.block === top.block) : [top];
  lead.sort((a, b) => a.position - b.position);
  const rest = picked.filter((c) => !lead.includes(c)).sort((a, b) => a.rank - b.rank || a.position - b.position);
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line) lines.push(line);
    line = '';
  };
  for (const c of [...lead, ...rest]) {
    const mark = `${c.text} [${c.n}]`;
    if (c.kind === 'item') {
      flush();
      lines.push(c.ordered ? `${c.number}. ${mark}` : `- ${mark}`);
    } else if (c.kind === 'row') {
      flush();
      lines.push(mark);
    } else line = line ? `${line}${language === 'zh' ? '' : ' '}${mark}` : mark;
  }
  flush();
  return lines.join('\n');
}
