import { describe, expect, it } from 'vitest';
import { detectLocale } from './detectLocale.js';

const locales = ['en', 'zh-CN'];
const share = (text: string) => (text.match(/\p{Script=Han}/gu)?.length ?? 0) / text.length;

const apiCode = [
  '```ts',
  "import { createClient } from '@oakshop/sdk';",
  "const client = createClient({ apiKey: process.env.OAK_API_KEY, region: 'eu-west-1' });",
  'const refund = await client.refunds.create({ orderId: order.id, amount: order.total, reason: "damaged" });',
  'console.log(refund.status, refund.estimatedArrival, refund.paymentMethod.displayName);',
  '```',
].join('\n');

describe('detectLocale', () => {
  it('reads a Chinese page that is mostly code as Chinese', () => {
    const page = [
      '# 通过接口发起退款',
      '',
      '使用开放接口可以为订单发起退款，退款会原路退回到顾客下单时使用的支付方式。每笔订单可以多次部分退款，但退款总额不能超过实付金额。',
      '',
      apiCode,
      '',
      '返回的状态说明如下，调用 `client.refunds.retrieve(refundId)` 可以查询进度：',
      '',
      '    const status = await client.refunds.retrieve(refund.id, { expand: ["paymentMethod", "order"] });',
      '    if (status.state === "succeeded") notifyCustomer(order.customerEmail, status.arrivalDate);',
      '',
      '详细参数见 https://developer.oakshop.com/reference/refunds/create-refund-request 。',
    ].join('\n');
    expect(share(page)).toBeGreaterThan(0.1);
    expect(share(page)).toBeLessThan(0.2);
    expect(detectLocale(page, locales)).toBe('zh-CN');
  });

  it('reads an English page whose code has Chinese comments as English', () => {
    const page = [
      'Set the store name shown on receipts.',
      '',
      '```yaml',
      '# 店铺名称，显示在小票和发票抬头上，最多三十个字符',
      'storeName: 橡木小铺',
      '# 客服电话，工作日九点到十八点有人接听',
      'phone: 400-800-1234',
      '```',
      '',
      'Use `名称` only if you sell in China.',
    ].join('\n');
    expect(share(page)).toBeGreaterThan(0.2);
    expect(detectLocale(page, locales)).toBe('en');
  });

  it('decides mixed pages by their prose, not their links and tags', () => {
    const zh = [
      '<p class="note" data-track="refund-banner-impression-event">订单退款说明</p>',
      '',
      '![退款表单](https://cdn.oakshop.com/images/help/refund-form-with-all-fields-explained.png)',
      '',
      '退款到账时间见[Refund timing](https://help.oakshop.com/en/articles/refund-timing-for-cards-and-wallets)。',
    ].join('\n');
    expect(detectLocale(zh, locales)).toBe('zh-CN');

    const en =
      'Refunds go back to the original payment method within five business days. 中文客服请见下方。\n\nCard refunds can take up to ten days to appear on your statement.';
    expect(detectLocale(en, locales)).toBe('en');
    expect(detectLocale(en, ['zh-TW', 'fr'])).toBe('fr');
  });
});
