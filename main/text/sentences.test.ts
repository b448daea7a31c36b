import { describe, expect, it } from 'vitest';
import { introducesNext, sentences } from './sentences.js';

describe('sentences', () => {
  it('never ends a sentence at e.g. or a decimal point', () => {
    expect(sentences('Pay by card, e.g. Visa. It costs 1.5 USD.')).toEqual([
      'Pay by card, e.g. Visa.',
      'It costs 1.5 USD.',
    ]);
  });
});

describe('introducesNext', () => {
  it('knows a sentence that leads into the block after it, in English and Chinese', () => {
    expect(introducesNext('If the install fails, try the following:')).toBe(true);
    expect(introducesNext('This can be checked with the following steps.')).toBe(true);
    expect(introducesNext('The steps are as follows.')).toBe(true);
    expect(introducesNext('具体操作步骤如下：')).toBe(true);
    expect(introducesNext('请按以下步骤操作。')).toBe(true);
  });

  it('does not take an ordinary sentence for an introduction', () => {
    expect(introducesNext('Refunds reach your card within 5 business days.')).toBe(false);
    expect(introducesNext('The following day we ship your order.')).toBe(false);
    expect(introducesNext('退款会在七个工作日内到账。')).toBe(false);
  });
});
