import * as lancedb from '@lancedb/lancedb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { ChunkIndex } from './ChunkIndex.js';
import { defaultChunkOptions } from './chunkMarkdown.js';
import { articleRows, indexDir, indexWorkspace } from './indexWorkspace.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let index: ChunkIndex;
beforeEach(async () => {
  ctx = await tempWorkspace();
  index = await ChunkIndex.open(indexDir(ctx.store));
});
afterEach(async () => {
  index.close();
  await ctx.cleanup();
});

async function create(title: string, body: string, locale = 'en'): Promise<string> {
  return (await ctx.store.create({ title, locale, body: `${body}\n` })).id;
}

async function ranked(query: string): Promise<string[]> {
  return (await index.lexicalSearch(query, 10)).map((h) => h.row.article_id);
}

describe('lexical ranking over the chunk and its title', () => {
  it('ranks a title match above a body-only match of the same term', async () => {
    const titled = await create('Warranty claims', 'Send us a photo of the broken lamp and your order number.');
    const body = await create('Broken lamps', 'The warranty covers a broken lamp, and warranty repairs are free.');
    await create('Delivery times', 'Parcels leave the warehouse within two working days of your order.');
    await create('Gift cards', 'Gift cards never expire and can pay for any order in the shop.');
    await indexWorkspace(ctx.store, index);

    const hits = await index.lexicalSearch('warranty', 10);
    expect(hits.map((h) => h.row.article_id)).toEqual([titled, body]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    // Searches return the stored chunk, not the segmented text made for the index.
    expect(hits[0]!.row).not.toHaveProperty('lex');
    expect(hits[0]!.row.text).toContain('broken lamp');
  });

  it('weights the title field by the title boost', async () => {
    const titled = await create('Warranty claims', 'Send us a photo of the broken lamp and your order number.');
    const body = await create('Broken lamps', 'The warranty covers a broken lamp, and warranty repairs are free.');
    await indexWorkspace(ctx.store, index);
    const scores = async (titleBoost: number) => {
      const other = await ChunkIndex.open(indexDir(ctx.store), { titleBoost });
      try {
        const hits = await other.lexicalSearch('warranty', 10);
        return new Map(hits.map((h) => [h.row.article_id, h.score]));
      } finally {
        other.close();
      }
    };
    const [plain, heavy] = [await scores(1), await scores(3)];
    expect(heavy.get(titled)!).toBeGreaterThan(plain.get(titled)!);
    expect(heavy.get(body)).toBeCloseTo(plain.get(body)!, 5);
  });

  it('finds another word form of the query through the stemmed index', async () => {
    const refund = await create('Money back', 'We refund the full price within 14 days.');
    const refunds = await create('Payment reversals', 'Refunds reach your card within 5 days.');
    await create('Opening hours', 'The shop opens at nine on weekdays.');
    await indexWorkspace(ctx.store, index);

    expect(await ranked('refunds')).toEqual(expect.arrayContaining([refund, refunds]));
    expect(await ranked('refunded')).toEqual(expect.arrayContaining([refund, refunds]));
    expect(await ranked('opening')).not.toContain(refund);
  });

  it('keeps finding Chinese and mixed Chinese-English titles and text', async () => {
    const zh = await create('退款说明', '退款会在七个工作日内到账。', 'zh-CN');
    const mixed = await create('iPhone 维修', '把 iPhone 送到门店，维修需要三天。', 'zh-CN');
    await create('配送时间', '包裹在两个工作日内发出。', 'zh-CN');
    await indexWorkspace(ctx.store, index);

    expect((await ranked('怎么申请退款'))[0]).toBe(zh);
    expect((await ranked('iphone 维修多久'))[0]).toBe(mixed);
  });
});

describe('ChunkIndex.open with a table from before the title field', () => {
  it('drops it so the next index run rebuilds it with every lexical column', async () => {
    const article = await ctx.store.get(await create('Warranty claims', 'Send a photo of the broken lamp.'));
    index.close();
    const db = await lancedb.connect(indexDir(ctx.store));
    const old = articleRows(article, defaultChunkOptions).map(({ lex_title: _, ...row }) => row);
    (await db.createTable('chunks', old as unknown as Record<string, unknown>[])).close();
    db.close();

    index = await ChunkIndex.open(indexDir(ctx.store));
    expect(index.repaired).toBeUndefined();
    expect(await index.count()).toBe(0);
    expect(await indexWorkspace(ctx.store, index)).toMatchObject({ changed: 1, chunks: 1 });
    expect(await ranked('warranty')).toEqual([article.id]);
  });
  it('reads a Chinese question by its topic, not by the particles and asking words around it', async () => {
    // A small FAQ where the particles of the question (能, 吗, 多少钱) are rare, so BM25 would count them as telling.
    const faq = await create(
      '发票常见问题',
      '能开专票吗？能，下单时选择增值税专用发票即可。\n\n退款后发票还能用吗？不能，需要重开。',
      'zh-CN',
    );
    const care = await create('实木家具保养', '桌面出现白色水印时，用吹风机低温档吹一两分钟，让水汽散出。', 'zh-CN');
    const fees = await create('退多少钱', '运费在整单取消时退还，面单费从退款中扣除。', 'zh-CN');
    const abroad = await create('寄往海外', '寄往香港、澳门、台湾：3–6 个工作日，运费 9 美元。', 'zh-CN');
    await indexWorkspace(ctx.store, index);
    expect((await ranked('桌面上有一圈水印，能弄掉吗'))[0]).toBe(care);
    expect((await ranked('寄到香港大概几天？运费多少钱'))[0]).toBe(abroad);
    expect(await ranked('寄到香港大概几天？运费多少钱')).toContain(fees);
    // A question of nothing but such words is still searched.
    expect(await ranked('能开吗')).toContain(faq);
  });

  it('reads a Chinese word the articles cut differently by its characters as well, more weakly than by words', async () => {
    // The segmenter reads the customer's 退给 as one word, and the article's 退货 as 退 | 货.
    const returns = await create('退货流程', '退货：仓库收到后 5 个工作日内质检，质检完成当天发起。', 'zh-CN');
    const login = await create('登录说明', '忘记密码时可以用验证码登录，登录后请修改密码。', 'zh-CN');
    await indexWorkspace(ctx.store, index);
    expect(await ranked('多久能退给我')).toEqual([returns]);
    // A word found as a word still outranks its characters found apart.
    const whole = await create('退给顾客的款项', '款项会退给顾客的原支付账户。', 'zh-CN');
    await indexWorkspace(ctx.store, index);
    expect((await ranked('多久能退给我'))[0]).toBe(whole);
    expect(await ranked('多久能退给我')).not.toContain(login);
  });

  it('reads a lone Chinese character as the words of the knowledge that hold it (专票 is 专用发票)', async () => {
    const invoice = await create('发票类型', '企业可以申请增值税专用发票，需要提供纳税人识别号。', 'zh-CN');
    const tracking = await create('物流查询', '发货后快递公司会提供物流信息。', 'zh-CN');
    await indexWorkspace(ctx.store, index);
    // The segmenter cuts 专票 into 专 | 票; neither is a word of the articles.
    expect(await ranked('能开专票吗')).toEqual([invoice]);
    expect(await ranked('专票')).toEqual([invoice]);
    expect(await ranked('专票')).not.toContain(tracking);
  });
});
