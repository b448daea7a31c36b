import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../indexing/index.js';
import {
  customerPassages,
  knowledgeHealth,
  quantityStatements,
  type HealthPassage,
  type HealthReport,
} from './knowledgeHealth.js';

const returningItems = `Not happy with your purchase? You can return an item within **7 days of delivery** for a full refund. This article explains how to start a return and when your money comes back.

## Start a return

1. Open **Account > Orders** and choose the order.
2. Select **Return or exchange**, pick the items and tell us why.
3. Print the label or show the QR code at an SF Express point.

We refund your original payment method once the item has been inspected.
`;

// "What can be returned" from return-policy.md, copied into another article with a few words changed.
const returnConditions = `Items can be returned when they are:

- unused, and in the condition you received them,
- in their original packaging, with all parts, fittings, shades and manuals,
- for furniture: **not assembled**. Once a piece has been put together it can only be returned if it is faulty.

The following cannot be returned unless they are faulty or arrived damaged:

- made-to-order furniture (marked *Made for you*) and engraved or personalised items,
- items marked **Final sale**,
- opened light bulbs, candles and other consumables,
- gift cards.
`;

const added = ['returning-items', 'furniture-care', 'return-labels', 'zh-returns-faq'];
const involves = (pair: { a: HealthPassage; b: HealthPassage }, id: string) =>
  pair.a.articleId === id || pair.b.articleId === id;

describe('knowledgeHealth on the sample workspace', () => {
  let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
  let passages: HealthPassage[];
  let report: HealthReport;
  beforeAll(async () => {
    ctx = await tempWorkspace({ sample: true });
    await ctx.store.create({
      id: 'returning-items',
      title: 'Returning an item you bought online',
      tags: ['returns'],
      locale: 'en',
      audience: 'customer',
      body: returningItems,
    });
    await ctx.store.create({
      id: 'furniture-care',
      title: 'Looking after your furniture',
      locale: 'en',
      audience: 'customer',
      body: `Wipe wood with a dry cloth and keep it out of direct sunlight.\n\n## Before you send something back\n\n${returnConditions}`,
    });
    await ctx.store.create({
      id: 'return-labels',
      title: 'Return labels and drop-off',
      tags: ['returns'],
      locale: 'en',
      audience: 'customer',
      body: '## Dropping off your parcel\n\nPrint the label or show the QR code at a drop-off point. Hand the parcel over within **7 days**. After 7 days the return request expires and the label stops working.\n',
    });
    await ctx.store.create({
      id: 'zh-returns-faq',
      title: '退货常见问题',
      locale: 'zh-CN',
      audience: 'customer',
      body: '## 多久内可以退货？\n\n商品签收后 **7 天内**，如果不合适，可以申请退货。商品需未使用并保留原包装。\n',
    });
    const index = await ChunkIndex.open(indexDir(ctx.store));
    await indexWorkspace(ctx.store, index);
    passages = customerPassages(await index.rowsForVectors());
    index.close();
    report = knowledgeHealth(passages);
  });
  afterAll(() => ctx.cleanup());

  it('finds the article that says 7 days where the returns policy says 30', () => {
    const conflict = report.conflicts.find((c) => involves(c, 'returning-items') && involves(c, 'return-policy'));
    expect(conflict).toBeDefined();
    const [ours, policy] =
      conflict!.a.articleId === 'returning-items'
        ? [conflict!.aStates, conflict!.bStates]
        : [conflict!.bStates, conflict!.aStates];
    expect(ours.join(' ')).toMatch(/within 7 days of delivery/);
    expect(policy.join(' ')).toMatch(/within 30 days of delivery/);
    expect(conflict!.summary).toMatch(/\b7 days\b/);
    expect(conflict!.summary).toMatch(/\b30 days\b/);
    expect(conflict!.similarity).toBeGreaterThanOrEqual(0.45);
  });

  it('finds the deliberate conflict: hand the parcel over within 7 days here, 14 days in the returns policy', () => {
    const conflict = report.conflicts.find((c) => involves(c, 'return-labels') && involves(c, 'return-policy'));
    expect(conflict).toBeDefined();
    expect(conflict!.summary).toMatch(/\b7 days\b/);
    expect(conflict!.summary).toMatch(/\b14 days\b/);
  });

  it('finds the Chinese article that says 7 天 where the Chinese returns policy says 30 天, and pairs it with no English one', () => {
    const zh = report.conflicts.filter((c) => involves(c, 'zh-returns-faq'));
    expect(zh.map((c) => [c.a.articleId, c.b.articleId].sort())).toContainEqual(['zh-return-policy', 'zh-returns-faq']);
    expect(zh.find((c) => involves(c, 'zh-return-policy'))!.summary).toBe('30 天 vs 7 天');
    expect(zh.every((c) => c.a.locale === 'zh-CN' && c.b.locale === 'zh-CN')).toBe(true);
  });

  it('finds the paragraph copied from the returns policy with small edits', () => {
    const copy = report.duplicates.find((d) => involves(d, 'furniture-care') && involves(d, 'return-policy'));
    expect(copy).toBeDefined();
    expect(copy!.similarity).toBeGreaterThan(0.85);
    expect([copy!.a.headings, copy!.b.headings]).toContainEqual(['What can be returned']);
  });

  it('reports nothing between the sample articles themselves: they agree', () => {
    expect(report.passages).toBe(passages.length);
    expect(report.conflicts.filter((c) => !added.some((id) => involves(c, id)))).toEqual([]);
    expect(report.duplicates.filter((d) => !added.some((id) => involves(d, id)))).toEqual([]);
  });

  it('keeps the sample under the duplicate threshold: its closest pair restates one fact in other words', () => {
    const sample = passages.filter((p) => !added.includes(p.articleId));
    const [closest] = knowledgeHealth(sample, { duplicateThreshold: 0.5 }).duplicates;
    // Two articles telling guest customers to create an account, each in its own words.
    expect(closest!.similarity).toBeGreaterThan(0.6);
    expect(closest!.similarity).toBeLessThan(0.75);
    const [nearest] = knowledgeHealth(sample, { conflictThreshold: 0.3 }).conflicts;
    expect(nearest!.similarity).toBeLessThan(0.43);
  });

  it('never pairs statements about different things, however similar: a gift card refunded within 7 days, a refund valid for 90 more', () => {
    const sample = passages.filter((p) => !added.includes(p.articleId));
    const conflicts = knowledgeHealth(sample, { conflictThreshold: 0 }).conflicts;
    expect(conflicts.find((c) => involves(c, 'gift-cards') && involves(c, 'refund-policy'))).toBeUndefined();
  });

  it('shows passages and statements without Markdown marks', () => {
    const shown = [
      ...report.conflicts.flatMap((c) => [c.a.text, c.b.text, ...c.aStates, ...c.bStates]),
      ...report.duplicates.flatMap((d) => [d.a.text, d.b.text]),
    ];
    expect(shown.some((text) => text.includes('7 days of delivery'))).toBe(true);
    expect(shown.some((text) => text.includes('7 天内'))).toBe(true);
    expect(shown.filter((text) => /\*\*|^#+ |\[!NOTE\]/m.test(text))).toEqual([]);
  });

  it('checks 3,000 passages and pairs each with its near-duplicates', () => {
    // Copies of the sample with every fifth word dropped: each passage has a dozen near-duplicates.
    const many = Array.from({ length: 3000 }, (_, i) => {
      const p = passages[i % passages.length]!;
      const copy = Math.floor(i / passages.length);
      const text = p.text
        .split(' ')
        .filter((_, w) => (w + copy) % 5 !== 0)
        .join(' ');
      return { ...p, chunkId: `${p.chunkId}/${copy}`, articleId: `${p.articleId}/${copy}`, text };
    });
    const checked = knowledgeHealth(many);
    expect(checked.passages).toBe(3000);
    expect(checked.duplicates.length).toBeGreaterThan(1000);
  });

  it('reads only customer-facing chunks', () => {
    expect(passages.length).toBeGreaterThan(200);
    expect(passages.some((p) => p.articleId === 'agent-escalation-guide')).toBe(false);
    expect(passages.some((p) => p.articleId === 'internal-peak-season-cutoffs')).toBe(false);
  });
});

let n = 0;
function passage(articleId: string, text: string, more: Partial<HealthPassage> = {}): HealthPassage {
  return { chunkId: `${articleId}#${n++}`, articleId, title: articleId, headings: [], text, locale: 'en', ...more };
}

const summaries = (passages: HealthPassage[]) => knowledgeHealth(passages).conflicts.map((c) => c.summary);

describe('knowledgeHealth rules', () => {
  const returns = 'You can return an unused item in its original packaging for a refund within';

  it('reports a conflict when both state one unit with different numbers', () => {
    expect(
      summaries([passage('a', `${returns} 30 days of delivery.`), passage('b', `${returns} 14 days of delivery.`)]),
    ).toEqual(['30 days vs 14 days']);
  });

  it('treats a range as the numbers inside it, and a passage stating more as holding the other', () => {
    const range = passage('a', `${returns} 7–10 days of delivery.`);
    expect(summaries([range, passage('b', `${returns} 7 days of delivery.`)])).toEqual([]);
    expect(summaries([range, passage('b', `${returns} 8 days of delivery.`)])).toEqual([]);
    expect(summaries([range, passage('b', `${returns} 14 days of delivery.`)])).toEqual(['7–10 days vs 14 days']);
    const both = passage('c', `${returns} 30 days of delivery. Hand the parcel over within 14 days.`);
    expect(summaries([both, passage('d', `${returns} 30 days of delivery.`)])).toEqual([]);
  });

  it('compares only the same unit, reading plurals and currency signs alike', () => {
    const fee = 'Standard delivery with SF Express is free on orders of';
    expect(summaries([passage('a', `${fee} ¥199 or more.`), passage('b', `${fee} 299 CNY or more.`)])).toEqual([
      '¥199 vs 299 CNY',
    ]);
    expect(
      summaries([
        passage('a', `${returns} 1 business day of delivery.`),
        passage('b', `${returns} 2 business days of delivery.`),
      ]),
    ).toEqual(['1 business day vs 2 business days']);
    expect(
      summaries([passage('a', `${returns} 30 days of delivery.`), passage('b', `${returns} 30 hours of delivery.`)]),
    ).toEqual([]);
  });

  it('ignores order numbers, years and times of day', () => {
    const order = 'Give us your order number, for example LO-2026-048213, when you start a return online';
    expect(
      summaries([
        passage('a', `${order} from 09:00 in 2026.`),
        passage('b', `${order.replace('2026-048213', '2025-112233')} from 10:00 in 2025.`),
      ]),
    ).toEqual([]);
  });

  it('does not call different numbers on unrelated topics a conflict', () => {
    const report = knowledgeHealth([
      passage('returns', `${returns} 30 days of delivery.`),
      passage('lamp', 'Let the Hana pendant lamp cool for 10 minutes, then dust the brass shade every 14 days.'),
      passage('sofa', 'Plump the Oslo sofa cushions every 7 days and wash the covers at 30 degrees.'),
    ]);
    expect(report.conflicts).toEqual([]);
  });

  it('finds a conflict stated in one sentence of otherwise different passages', () => {
    const report = knowledgeHealth([
      passage(
        'policy',
        `Returns are free for faulty items. ${returns} 30 days of delivery. Large items are collected by courier.`,
        {
          title: 'Returns policy',
        },
      ),
      passage(
        'faq',
        `Track your refund in Account > Orders. ${returns} 7 days of delivery. Gift cards cannot be exchanged for cash.`,
        { title: 'Returns FAQ' },
      ),
    ]);
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]!.aStates).toEqual([`${returns} 30 days of delivery.`]);
    expect(report.conflicts[0]!.bStates).toEqual([`${returns} 7 days of delivery.`]);
  });

  it('compares only statements about the same thing: a refund window is not a validity period', () => {
    const en = [
      passage('gift-cards', 'An unused gift card can be refunded to the buyer within 7 days of purchase.', {
        title: 'Gift cards',
      }),
      passage(
        'refund-policy',
        'Gift card refunds are added to the card even if the card has expired; the refunded amount is valid for a further 90 days.',
        { title: 'Refund policy' },
      ),
    ];
    expect(knowledgeHealth(en, { conflictThreshold: 0 }).conflicts).toEqual([]);
    const zh = [
      passage('zh-gift-cards', '未使用的礼品卡可在购买后 7 天内退款给购买人。', { title: '礼品卡', locale: 'zh-CN' }),
      passage('zh-refund-policy', '礼品卡退款会退回到卡内，即使卡已过期；退回的金额继续有效 90 天。', {
        title: '退款规则',
        locale: 'zh-CN',
      }),
    ];
    expect(knowledgeHealth(zh, { conflictThreshold: 0 }).conflicts).toEqual([]);
  });

  it('still finds a contradiction about the same thing worded around it differently', () => {
    const en = knowledgeHealth([
      passage('refund-policy', 'When we have inspected your return, refunds take 5 business days.', {
        title: 'Refund policy',
      }),
      passage('refunds-faq', 'Refunds take 10 business days to arrive once we have inspected the returned item.', {
        title: 'Refunds FAQ',
      }),
    ]);
    expect(en.conflicts.map((c) => c.summary)).toEqual(['5 business days vs 10 business days']);
    const zh = knowledgeHealth([
      passage('zh-refund-policy', '仓库质检完成后，退款会在 5 个工作日内退回原支付方式。', {
        title: '退款规则',
        locale: 'zh-CN',
      }),
      passage('zh-payments-faq', '使用银行卡支付的订单，退款会在 10 个工作日内退回原支付方式。', {
        title: '支付常见问题',
        locale: 'zh-CN',
      }),
    ]);
    expect(zh.conflicts.map((c) => c.summary)).toEqual(['5 个工作日 vs 10 个工作日']);
  });

  it('shows passages and statements as plain text, without Markdown marks', () => {
    const report = knowledgeHealth([
      passage('a', `> [!NOTE]\n> ${returns} **30 days** of [delivery](delivery.md).`),
      passage('b', `${returns} *14 days* of delivery.`),
    ]);
    expect(report.conflicts).toHaveLength(1);
    const [conflict] = report.conflicts;
    const shown = [conflict!.a.text, conflict!.b.text, ...conflict!.aStates, ...conflict!.bStates].join('\n');
    expect(shown).not.toMatch(/\*|\[!NOTE\]|\]\(|^>/m);
    expect(shown).toContain(`${returns} 30 days of delivery.`);
    expect(shown).toContain(`${returns} 14 days of delivery.`);
  });

  it('finds conflicts in Chinese', () => {
    const zh = (id: string, days: number) =>
      passage(id, `商品签收后 **${days} 天内**，如果不合适，可以申请退货。商品需未使用并保留原包装。`, {
        locale: 'zh-CN',
      });
    expect(summaries([zh('a', 30), zh('b', 7)])).toEqual(['30 天 vs 7 天']);
  });

  it('never pairs Chinese with English, nor two chunks of one article', () => {
    const text = `${returns} 30 days of delivery. Furniture must not be assembled.`;
    expect(knowledgeHealth([passage('a', text), passage('b', text, { locale: 'zh-CN' })])).toMatchObject({
      duplicates: [],
      conflicts: [],
    });
    expect(knowledgeHealth([passage('a', text), passage('a', text.replace('30', '7'))])).toMatchObject({
      duplicates: [],
      conflicts: [],
    });
    expect(knowledgeHealth([passage('a', text), passage('b', text, { locale: 'en-GB' })]).duplicates).toHaveLength(1);
  });

  it('calls a copy with small edits a near-duplicate, and the same fact in other words not', () => {
    const original = passage(
      'policy',
      'Pack the items securely, ideally in the original box, and hand the parcel over within 14 days. After 14 days the return request expires and the label stops working.',
    );
    const edited = passage(
      'copy',
      'Pack the items securely, ideally in their original box, and hand over the parcel within 14 days. After that the return request expires and the label no longer works.',
    );
    const reworded = passage(
      'faq',
      'Once you have your label, send the parcel back within 14 days: the request and its label expire after that. Use the original box if you still have it.',
    );
    const report = knowledgeHealth([original, edited, reworded], { duplicateThreshold: 0 });
    const score = (x: HealthPassage, y: HealthPassage) =>
      report.duplicates.find((d) => {
        const ids = [d.a.chunkId, d.b.chunkId];
        return ids.includes(x.chunkId) && ids.includes(y.chunkId);
      })?.similarity ?? 0;
    expect(score(original, edited)).toBeGreaterThanOrEqual(0.8);
    expect(score(original, reworded)).toBeLessThan(0.8);
    expect(knowledgeHealth([original, edited, reworded]).duplicates).toHaveLength(1);
  });

  it('sorts best first and honours the thresholds it is given', () => {
    const a = passage('a', `${returns} 30 days of delivery.`);
    const b = passage('b', `${returns} 14 days of delivery.`);
    const c = passage('c', `${returns} 30 days. Exchanges are free for members.`);
    const report = knowledgeHealth([a, b, c], { duplicateThreshold: 0.3 });
    const sims = report.duplicates.map((d) => d.similarity);
    expect(sims).toEqual([...sims].sort((x, y) => y - x));
    expect(knowledgeHealth([a, b], { conflictThreshold: 1.01 }).conflicts).toEqual([]);
  });
});

describe('quantityStatements', () => {
  const read = (s: string) => quantityStatements(s).map((q) => [q.unit, q.low, q.high]);

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

  it('leaves out order numbers, years, times of day, sums and bare numbers', () => {
    expect(read('Order LO-2026-048213, placed in 2026 at 16:00, step 3 of the form.')).toEqual([]);
    expect(read('You pay 25 × 12 ÷ 30 = 10 CNY.')).toEqual([]);
    expect(read('Call 400-820-1234.')).toEqual([]);
  });
});
