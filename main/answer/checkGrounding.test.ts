import { describe, expect, it } from 'vitest';
import { checkGrounding } from './checkGrounding.js';
import { retrievalQuery } from './followUp.js';
import { passageSentences } from './passageSentences.js';

const passages = [
  { n: 1, title: 'Refund policy', text: 'Card refunds take 5–10 business days after we issue them.' },
  { n: 2, title: '退款时间', text: '支付宝退款通常在 1–3 个工作日内到账。' },
];

describe('checkGrounding', () => {
  it('supports a sentence its cited passage carries, flags one no passage carries', () => {
    const [refund, invented] = checkGrounding(
      'Card refunds take 5–10 business days [1]. We also give every customer a free lamp [1].',
      passages,
    );
    expect(refund).toMatchObject({ supported: true, source: 1 });
    expect(invented).toMatchObject({ supported: false, claim: true });
  });

  it('flags a sentence whose number the passage does not state', () => {
    const [wrong] = checkGrounding('Card refunds take 30 business days [1].', passages);
    expect(wrong!.supported).toBe(false);
  });

  it('checks Chinese sentences by their words, and marks a miscited sentence', () => {
    const [zh] = checkGrounding('支付宝退款通常在 1–3 个工作日内到账。[1]', passages, 'zh');
    expect(zh).toMatchObject({ supported: true, source: 2, miscited: true });
  });

  it('does not count a greeting as a claim', () => {
    expect(checkGrounding('Thanks!', passages)[0]).toMatchObject({ supported: true, claim: false });
  });
});

describe('retrievalQuery', () => {
  it('joins a follow-up to the question it leans on, chains follow-ups, leaves a new question alone', () => {
    const history = [{ role: 'customer' as const, text: 'How many days do I have to return a lamp?' }];
    expect(retrievalQuery('and for Oak Plus members?', history)).toEqual({
      query: 'How many days do I have to return a lamp? and for Oak Plus members?',
      followUp: true,
    });
    expect(retrievalQuery('那会员呢？', [{ role: 'customer', text: '退货期限是多久' }]).query).toBe(
      '退货期限是多久 那会员呢？',
    );
    expect(retrievalQuery('How do I reset my password when the email never arrives?', history).followUp).toBe(false);
    expect(retrievalQuery('and for Oak Plus members?').followUp).toBe(false);
  });
});

describe('passageSentences', () => {
  it('reads table rows with their column names and keeps list items apart', () => {
    const s = passageSentences(
      '## Times\n\n| Method | Days |\n| --- | --- |\n| Alipay | 1–3 |\n\n1. Open the order.\n2. Select **Return**.',
    );
    expect(s.map((x) => x.text)).toEqual(['Alipay — Days: 1–3', 'Open the order.', 'Select Return.']);
    expect(s[0]!.heading).toBe('Times');
    expect(s[1]!.listItem).toBe(true);
  });
});
