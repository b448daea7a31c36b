/** An amount of money a customer states, with its currency when they named one. */
export interface StatedAmount {
  value: number;
  currency?: string;
}

const currencies: [RegExp, string][] = [
  [/^(?:¥|￥|cny|rmb|yuan|元|块|塊)/i, 'CNY'],
  [/^(?:\$|usd|us\$|dollars?|bucks)/i, 'USD'],
  [/^(?:€|eur|euros?)/i, 'EUR'],
  [/^(?:£|gbp|pounds?)/i, 'GBP'],
];
const digits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

/** A Chinese numeral (三千五百, 一万二) as a number. */
function chineseNumber(text: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of text) {
    if (c in digits) digit = digits[c]!;
    else if (c === '万') {
      total = (total + section + digit) * 10_000;
      section = 0;
      digit = 0;
    } else {
      section += (digit || 1) * units[c]!;
      digit = 0;
    }
  }
  return total + section + digit;
}

function currencyAround(before: string, after: string): string | undefined {
  for (const [pattern, code] of currencies) if (pattern.test(after.trimStart())) return code;
  const prefix = before.trimEnd().slice(-4);
  for (const [pattern, code] of currencies) {
    const m = /(¥|￥|\$|usd|us\$|cny|rmb|€|eur|£|gbp)$/i.exec(prefix);
    if (m && pattern.test(m[1]!)) return code;
  }
  return undefined;
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
  return out;
}

/** The first stated amount above a limit (currency -> amount); an amount without currency is read in the first listed. */
export function amountOverLimit(question: string, limits: Record<string, number>): StatedAmount | undefined {
  const codes = Object.keys(limits);
  if (codes.length === 0) return undefined;
  return statedAmounts(question).find((a) => {
    const limit = limits[a.currency ?? codes[0]!];
    return limit !== undefined && a.value > limit;
  });
}
