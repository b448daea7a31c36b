import { describe, expect, it } from 'vitest';
import type { Conversation } from './conversationLogs.js';
import { gapQuestions } from './gapQuestions.js';
import { maskPersonalData } from './personalData.js';

describe('maskPersonalData', () => {
  it('masks cards, e-mail, phones and order numbers in English and Chinese formats, and leaves amounts and dates', () => {
    expect(maskPersonalData('card 4111-1111-1111-1111, mail me: a.b@example.co.uk')).toBe(
      'card [card], mail me: [email]',
    );
    expect(maskPersonalData('call +44 20 7946 0958 or (415) 555-2671')).toBe('call [phone] or [phone]');
    expect(maskPersonalData('我的手机号是 138 1234 5678，订单号：DD20261204001 还没到')).toBe(
      '我的手机号是 [phone]，订单号：[order] 还没到',
    );
    expect(maskPersonalData('order number A-99812 and #5561234')).toBe('order number [order] and [order]');
    expect(maskPersonalData('3 sofas for 1200 dollars on 2026-12-01; 退款1999元，10个工作日')).toBe(
      '3 sofas for 1200 dollars on 2026-12-01; 退款1999元，10个工作日',
    );
    expect(maskPersonalData('4111111111111112 fails the Luhn check')).toBe('4111111111111112 fails the Luhn check');
  });
});

describe('content-gap questions', () => {
  it('are masked before any screen or report shows them', () => {
    const c: Conversation = {
      id: 'c1',
      time: '2026-12-01T09:00:00Z',
      question: 'Why was my card 4111 1111 1111 1111 charged twice? Call me on 138 1234 5678',
      questions: [],
      answer: '',
      resolved: false,
      handedOff: false,
      topic: null,
      csat: null,
      articleIds: [],
      versions: {},
      confidence: 0.9,
      providerFailures: 0,
    };
    expect(gapQuestions([c]).map((q) => q.question)).toEqual([
      'Why was my card [card] charged twice? Call me on [phone]',
    ]);
  });
});
