/**
 * Quantities a text states, in English and Chinese: amounts of money, durations, percentages and
 * counts with their unit, ranges as intervals. One currency vocabulary serves both readers here:
 * `quantityStatements` (what an article says) and `statedAmounts` (what a customer asks about).
 */

/** Currencies by ISO code: signs and codes, which may stand before or after an amount, and words written after it. */
const currencies: Record<string, { signs: string[]; words: string[] }> = {
  CNY: { signs: ['¥', '￥', 'cny', 'rmb'], words: ['yuan', '元', '块', '塊', '人民币'] },
  USD: { signs: ['$', 'us$', 'usd'], words: ['dollar', 'bucks', '美元'] },
  EUR: { signs: ['€', 'eur'], words: ['euro', '欧元'] },
  GBP: { signs: ['£', 'gbp'], words: ['pound', '英镑'] },
};
const escape = (s: string) => s.replace(/[$]/g, '\\$&');
const longestFirst = (a: string, b: string) => b.length - a.length;
const currencyEntries = Object.entries(currencies);
/** Every way a currency is written (lower-cased), and its code; `%` for percentages. */
const unitOfWritten: Record<string, string> = Object.fromEntries([
  ...currencyEntries.flatMap(([code, c]) => [...c.signs, ...c.words].map((w) => [w, code])),
  ...['%', '％', 'percent'].map((w) => [w, '%']),
]);
const signsBefore = currencyEntries
  .flatMap(([, c]) => c.signs)
  .sort(longestFirst)
  .map(escape)
  .join('|');
const hanCurrencies = currencyEntries
  .flatMap(([, c]) => c.words.filter((w) => /\p{Script=Han}/u.test(w)))
  .sort(longestFirst)
  .join('|');

/** Numbers a text states (7, 2,000, 1.5), normalised without separators. */
export function numbersIn(text: string): string[] {
  return (text.match(/\d[\d,.]*/g) ?? []).map((n) => n.replace(/[,.]$/, '').replace(/,/g, ''));
}

// ---- What an article states: quantityStatements -------------------------------------------------

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
const quantityPattern = new RegExp(
  String.raw`(?<![A-Za-z\d_.#/-])(?:(${signsBefore})\s?)?(${number})(?:\s*(?:–|—|-|~|～|to|至|到)\s*(?:¥|￥|\$)?(${number}))?`,
  'giu',
);
/** Numbers listed before the one that carries the unit: "100, 200, 500 or 1,000 CNY". */
const listedBefore = new RegExp(String.raw`(?<![¥￥$€£\w.,])(?:(?:${number})\s*(?:,|，|、|or|and|或|和)\s*)+$`, 'i');
const calculation = /[×÷=+−*]\s*$/;
const chineseDate = /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
const hanCurrencyAfter = new RegExp(String.raw`^\s?(${hanCurrencies})`);

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
  const han = hanCurrencyAfter.exec(tail);
  if (han) return { unit: unitOfWritten[han[1]!]!, length: han[0].length };
  const latin = /^([\s-]?)([A-Za-z]+)(?:\s([A-Za-z]+))?(?:\s([A-Za-z]+))?/.exec(tail);
  if (!latin) return undefined;
  const lead = latin[1]!.length;
  const words = latin.slice(2).filter((w): w is string => Boolean(w));
  const first = words[0]!.toLowerCase();
  const currency = unitOfWritten[first] ?? unitOfWritten[singular(first)];
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

/**
 * The quantities a sentence states with a unit (a currency, `%`, `day`, `business day`, `天`, `3月`
 * for a date), a range as its low and high end, numbers listed before a unit each with it. Order
 * numbers, times of day, phone numbers, years, sums and bare numbers are left out.
 */
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
    const unit = prefix ? unitOfWritten[prefix.toLowerCase()] : after?.unit;
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

// ---- What a customer asks about: statedAmounts ---------------------------------------------------

/** An amount of money a customer states, with its currency when they named one. */
export interface StatedAmount {
  value: number;
  currency?: string;
}

const currencyAfter = currencyEntries.map(
  ([code, c]) => [new RegExp(`^(?:${[...c.signs, ...c.words].map(escape).join('|')})`, 'i'), code] as const,
);
const signBefore = new RegExp(`(${signsBefore})$`, 'i');
const hanDigits: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const hanPowers: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

/**
 * A Chinese numeral (三千五百, 一万二) as a number. A digit right after a unit counts in the next unit
 * down, as people say it: 一万二 is 12,000, 三千五 is 3,500, 两百五 is 250.
 */
function chineseNumber(text: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  let unit = 0;
  for (const c of text) {
    if (c in hanDigits) digit = hanDigits[c]!;
    else if (c === '万') {
      total = (total + section + digit) * 10_000;
      section = 0;
      digit = 0;
      unit = 10_000;
      continue;
    } else {
      section += (digit || 1) * hanPowers[c]!;
      digit = 0;
      unit = hanPowers[c]!;
      continue;
    }
    if (c === '零') unit = 0;
  }
  const last = [...text].at(-1)!;
  const short = last in hanDigits && last !== '零' && unit > 10 && !text.includes('零');
  return total + section + (short ? digit * (unit / 10) : digit);
}

function currencyAround(before: string, after: string): string | undefined {
  for (const [pattern, code] of currencyAfter) if (pattern.test(after.trimStart())) return code;
  const sign = signBefore.exec(before.trimEnd().slice(-4));
  return sign ? unitOfWritten[sign[1]!.toLowerCase()] : undefined;
}

const notMoney =
  /^\s*(?:days?|weeks?|months?|years?|hours?|items?|pieces?|pcs|orders?|times|%|天|周|个月|月|年|小时|件|个|次|单|号)/i;

/**
 * Amounts of money in a question: Arabic numbers (3,500, 1.5k, 2万) and Chinese numerals (三千),
 * with the currency written beside them. Order numbers, durations and counts are not amounts.
 */
export function statedAmounts(question: string): StatedAmount[] {
  const text = question.replace(/LO-\d{4}-\d+/gi, ' ');
  const out: StatedAmount[] = [];
  const pattern = /(\d[\d,]*(?:\.\d+)?)\s*(k|千|万)?|([零一二两三四五六七八九十百千万]{2,})/gi;
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 8);
    if (notMoney.test(after)) continue;
    let value: number;
    if (m[1]) {
      value = Number(m[1].replace(/,/g, ''));
      const scale = m[2]?.toLowerCase();
      if (scale === 'k' || scale === '千') value *= 1000;
      else if (scale === '万') value *= 10_000;
    } else value = chineseNumber(m[3]!);
    if (!Number.isFinite(value) || value <= 0) continue;
    if (m[1] && /^(19|20)\d\d$/.test(m[1]) && !m[2]) continue;
    out.push({ value, currency: currencyAround(text.slice(Math.max(0, start - 6), start), after) });
  }
  const total = unitPriceTotal(text);
  if (total) out.push(total);
  return out;
}

const hanCount = '[零一二两三四五六七八九十百千万]+';
const measureWords = '[把个件张套台盏只条扇床组]';
const arabic = String.raw`\d[\d,]*(?:\.\d+)?`;
/** A count and a price of one ("12 chairs at 900 each", "12把餐椅每把900"), either order. */
const unitPrices: { pattern: RegExp; count: number; price: number }[] = [
  {
    pattern: new RegExp(
      String.raw`\b(\d+)\s+(?:[a-z-]+\s+){0,3}?(?:at|for|@)\s*(?:${signsBefore})?\s*(${arabic})\s*(?:[a-z]+\s+)?(?:each|apiece|a piece)\b`,
      'i',
    ),
    count: 1,
    price: 2,
  },
  {
    pattern: new RegExp(
      String.raw`(?:${signsBefore})?\s*(${arabic})\s*(?:[a-z]+\s+)?(?:each|apiece|a piece)\b[^.?!]{0,40}?\b(\d+)\s+(?:of them|[a-z-]+s)\b`,
      'i',
    ),
    count: 2,
    price: 1,
  },
  {
    pattern: new RegExp(
      `(\\d+|${hanCount})\\s*(${measureWords})[^，,。；;!?！？]{0,10}?每\\2?(?:是|要|卖)?\\s*(${arabic}|${hanCount})`,
    ),
    count: 1,
    price: 3,
  },
  {
    pattern: new RegExp(
      `每${measureWords}?[^\\d，,。零一二两三四五六七八九十]{0,3}?(?:是|要|卖)?\\s*(${arabic}|${hanCount})[^。；;!?！？]{0,12}?(\\d+|${hanCount})\\s*${measureWords}`,
    ),
    count: 2,
    price: 1,
  },
];

/** The total of a count at a price each, when a question states both ("all 12 chairs at 900 each" is 10,800). */
function unitPriceTotal(text: string): StatedAmount | undefined {
  for (const { pattern, count, price } of unitPrices) {
    const m = pattern.exec(text);
    if (!m) continue;
    const read = (n: string) => (/\d/.test(n) ? Number(n.replace(/,/g, '')) : chineseNumber(n));
    const value = read(m[count]!) * read(m[price]!);
    if (!Number.isFinite(value) || value <= 0) continue;
    const at = m.index + m[0].indexOf(m[price]!) + m[price]!.length;
    if (notMoney.test(text.slice(at, at + 8))) continue;
    return {
      value,
      currency: currencyAround(
        text.slice(Math.max(0, at - m[price]!.length - 6), at - m[price]!.length),
        text.slice(at, at + 8),
      ),
    };
  }
  return undefined;
}

/** The first stated amount above a limit (currency → amount); an amount without currency is read in the first listed. */
export function amountOverLimit(question: string, limits: Record<string, number>): StatedAmount | undefined {
  const codes = Object.keys(limits);
  if (codes.length === 0) return undefined;
  return statedAmounts(question).find((a) => {
    const limit = limits[a.currency ?? codes[0]!];
    return limit !== undefined && a.value > limit;
  });
}
