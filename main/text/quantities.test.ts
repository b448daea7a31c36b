import { describe, expect, it } from 'vitest';
import { amountOverLimit, numbersIn, quantityStatements, statedAmounts } from './quantities.js';

const read = (s: string) => quantityStatements(s).map((q) => [q.unit, q.low, q.high]);

describe('quantityStatements', () => {
  it('reads numbers with the unit after them, ranges, lists and currency signs', () => {
    expect(read('Refunds take 7–10 days, or 1 to 3 business days by Alipay.')).toEqual([
      ['day', 7, 10],
      ['business day', 1, 3],
    ]);
    expect(read('It costs ¥199 or $20; members save 15%.')).toEqual([
      ['CNY', 199, 199],
      ['USD', 20, 20],
      ['%', 15, 15],
    ]);
    expect(read('Choose 100, 200 or 1,000 CNY for a 30-day month.')).toEqual([
      ['CNY', 1000, 1000],
      ['CNY', 100, 100],
      ['CNY', 200, 200],
      ['day', 30, 30],
    ]);
    expect(read('5 个工作日内完成，满 199 元包邮，3 月 15 日截止。')).toEqual([
      ['3月', 15, 15],
      ['工作日', 5, 5],
      ['CNY', 199, 199],
    ]);
  });

  it('says where each statement sits and how it was written', () => {
    const sentence = 'Return it within 30 calendar days of delivery.';
    expect(quantityStatements(sentence)).toEqual([
      { unit: 'calendar day', low: 30, high: 30, said: '30 calendar days', sentence, start: 17, end: 33 },
    ]);
  });

  it('reads currencies in the words of either language', () => {
    expect(read('It costs 20 dollars, 15 euros, 9 pounds, 50 RMB, 30 bucks or 88 yuan.')).toEqual([
      ['USD', 20, 20],
      ['EUR', 15, 15],
      ['GBP', 9, 9],
      ['CNY', 50, 50],
      ['USD', 30, 30],
      ['CNY', 88, 88],
    ]);
    expect(read('运费 10 块，或 20 美元，或 100 人民币。')).toEqual([
      ['CNY', 10, 10],
      ['USD', 20, 20],
      ['CNY', 100, 100],
    ]);
  });

  it('leaves out order numbers, years, times of day, sums and bare numbers', () => {
    expect(read('Order LO-2026-048213, placed in 2026 at 16:00, step 3 of the form.')).toEqual([]);
    expect(read('You pay 25 × 12 ÷ 30 = 10 CNY.')).toEqual([]);
    expect(read('Call 400-820-1234.')).toEqual([]);
  });
});

describe('statedAmounts', () => {
  it('reads numbers, thousands, Chinese numerals and currencies, not order numbers or durations', () => {
    expect(statedAmounts('refund $800 for LO-2026-123456')).toEqual([{ value: 800, currency: 'USD' }]);
    expect(statedAmounts('about 18k yuan')).toEqual([{ value: 18000, currency: 'CNY' }]);
    expect(statedAmounts('退我三千五百元')).toEqual([{ value: 3500, currency: 'CNY' }]);
    expect(statedAmounts('within 30 days, 2 items, since 2025')).toEqual([]);
  });

  it('reads the currency before or after the amount, in the words of either language', () => {
    expect(statedAmounts('I paid US$40 and 2万')).toEqual([{ value: 40, currency: 'USD' }, { value: 20_000 }]);
    expect(statedAmounts('一万两千块, 45 块钱, 200 bucks, EUR 30, 5 pounds')).toEqual([
      { value: 12_000, currency: 'CNY' },
      { value: 45, currency: 'CNY' },
      { value: 200, currency: 'USD' },
      { value: 30, currency: 'EUR' },
      { value: 5, currency: 'GBP' },
    ]);
    expect(statedAmounts('最低四千美元')).toEqual([{ value: 4000, currency: 'USD' }]);
  });

  it('reads a Chinese numeral said short as people say it: 一万二 is 12,000, 三千五 is 3,500', () => {
    const values = (text: string) => statedAmounts(text).map((a) => a.value);
    expect(values('花了一万二')).toEqual([12_000]);
    expect(values('三千五块')).toEqual([3500]);
    expect(values('两百五元')).toEqual([250]);
    expect(values('一万二千五')).toEqual([12_500]);
    expect(values('三千零五元, 十五元')).toEqual([3005, 15]);
  });

  it('adds the total of a count at a price each, in either language and either order', () => {
    const totals = (text: string) => statedAmounts(text).at(-1);
    expect(totals('sent back all 12 dining chairs at 900 each')).toEqual({ value: 10_800 });
    expect(totals('2 sofas at 3,500 yuan each')).toEqual({ value: 7000, currency: 'CNY' });
    expect(totals('the chairs were $120 each, 4 of them')).toEqual({ value: 480, currency: 'USD' });
    expect(totals('12把餐椅每把900，全都寄回去了')).toEqual({ value: 10_800 });
    expect(totals('每盏灯350元，一共买了20盏')).toEqual({ value: 7000, currency: 'CNY' });
    // A duration each is not a price.
    expect(statedAmounts('12 orders at 5 days each')).toEqual([]);
  });
});

describe('amountOverLimit', () => {
  it('finds the first amount above its currency limit, reading a bare amount in the first currency listed', () => {
    const limits = { CNY: 5000, USD: 700 };
    expect(amountOverLimit('refund $800', limits)).toEqual({ value: 800, currency: 'USD' });
    expect(amountOverLimit('refund 800', limits)).toBeUndefined();
    expect(amountOverLimit('退我六千', limits)).toEqual({ value: 6000 });
    expect(amountOverLimit('refund €9000', limits)).toBeUndefined();
    expect(amountOverLimit('refund $800', {})).toBeUndefined();
  });
});

describe('numbersIn', () => {
  it('reads the numbers of a text without separators', () => {
    expect(numbersIn('Refunds of 2,000.50 CNY take 7 days, or 1.5 weeks.')).toEqual(['2000.50', '7', '1.5']);
    expect(numbersIn('no numbers')).toEqual([]);
  });
});
