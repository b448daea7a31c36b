import { describe, expect, it } from 'vitest';
import { coverage, passageTerms, questionTerms, type TermStats } from './coverage.js';
import { hanPieces, isPiece } from './terms.js';

const passages = [
  '桌面出现白色水印怎么办？可以在水印上垫一块干棉布，用吹风机低温档来回吹。',
  '退货请在签收后七天内申请，孩子的玩具需保留包装。',
  '订单发货后可以在我的订单里查看物流。',
  'Sign in with your email address and password.',
];

function statsOf(texts: string[]): TermStats {
  const df = new Map<string, number>();
  for (const t of texts) for (const term of passageTerms(t)) df.set(term, (df.get(term) ?? 0) + 1);
  return { chunks: texts.length, df };
}

describe('coverage in pieces for Chinese', () => {
  const stats = statsOf(passages);

  it('marks Han characters and pairs so they never equal a word', () => {
    const pieces = hanPieces('水印 ok');
    expect(pieces).toHaveLength(3);
    expect(pieces.every(isPiece)).toBe(true);
    expect(pieces.map((p) => p.slice(1))).toEqual(['水', '印', '水印']);
    expect(passageTerms('水印').has('水印')).toBe(true);
  });

  it('finds a question word that segmentation split or joined differently, for less than the word itself', () => {
    // ICU reads 白印子 as 白, 印, 子: the passage writes 白色水印.
    const question = questionTerms('留下一圈白印子');
    const watermark = coverage(question, passageTerms(passages[0]!), stats);
    const returns = coverage(question, passageTerms(passages[1]!), stats);
    expect(watermark.matched).toEqual(expect.arrayContaining(['白', '印']));
    expect(watermark.score).toBeGreaterThan(returns.score);
    const whole = coverage(questionTerms('白色水印'), passageTerms(passages[0]!), stats).score;
    expect(watermark.score).toBeLessThan(whole);
  });

  it('counts a character every passage holds for little', () => {
    // 订 appears in one passage but 的 is everywhere: only the rare piece tells.
    const common = coverage(
      questionTerms('的'),
      passageTerms(passages[2]!),
      statsOf([...passages, '我的', '你的']),
    ).score;
    const rare = coverage(questionTerms('印'), passageTerms(passages[0]!), stats).score;
    expect(common).toBeLessThan(rare);
  });

  it('matches "log in" to an article that says "sign in"', () => {
    const found = coverage(questionTerms('I cannot log in'), passageTerms(passages[3]!), stats);
    expect(found.matched).toContain('sign');
  });
});
