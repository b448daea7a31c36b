import { describe, expect, it } from 'vitest';
import { hanPairs, joinCompounds, lowerWords, otherNames, term, terms } from './terms.js';

describe('terms', () => {
  it('keeps the informative words of a text, lower-cased and stemmed, in order with repeats', () => {
    expect(terms('Hi, please tell me: how long do refunds take? Refunding is slow.')).toEqual([
      'long',
      'refund',
      'take',
      'refund',
      'slow',
    ]);
  });

  it('spells out the short forms customers type, so "max" finds "maximum"', () => {
    expect(term('Max')).toBe(term('maximum'));
    expect(terms('max spend a day, more info')).toEqual([term('maximum'), 'spend', 'dai', term('information')]);
  });

  it('searches a shortened place name spelled out, and the other way round: UK, United Kingdom', () => {
    expect(otherNames('What does it cost in the UK?')).toEqual(['united kingdom']);
    expect(otherNames('Shipping to the United Kingdom')).toEqual(['uk']);
    expect(otherNames('the UK and the United Kingdom')).toEqual([]);
    expect(terms('cost in the UK')).toEqual(['cost', 'uk', 'unit', 'kingdom']);
  });

  it('reads "what do I get" as asking for the benefits, 有什么好处 for the 权益, one way only', () => {
    expect(otherNames('Is the yearly plan worth it? What do I get?')).toEqual(['benefits']);
    expect(otherNames("What's included in Plus")).toEqual(['benefits']);
    expect(otherNames('年度会员有什么好处')).toEqual(['权益']);
    expect(terms('what do I get with plus')).toContain(term('benefits'));
    // An article's benefits ask nothing, and "get" elsewhere is not a question about them.
    expect(otherNames('Benefits of Plus')).toEqual([]);
    expect(otherNames('How do I get a refund?')).toEqual([]);
  });

  it('leaves out the Chinese words that only ask: 多少钱, 如何, 能不能', () => {
    expect(terms('存储空间多少钱')).not.toContain('多少钱');
    expect(terms('能不能退款')).toEqual(['退款']);
  });

  it('leaves out numbers and Chinese stop words, and segments Chinese into words', () => {
    expect(terms('Return within 30 days')).toEqual(['return', 'within', 'dai']);
    // ICU splits 到账 into 到 (a stop word) and 账.
    expect(terms('请问退款多久到账？')).toEqual(['退款', '账']);
  });

  it('adds Chinese character pairs after the terms when asked: they find what segmentation split', () => {
    expect(terms('退款到账', { hanPairs: true })).toEqual(['退款', '账', '退款', '款到', '到账']);
    expect(terms('refund', { hanPairs: true })).toEqual(['refund']);
  });
});

describe('hanPairs', () => {
  it('pairs neighbouring Han characters across words and punctuation, ignoring everything else', () => {
    expect(hanPairs('门店 hours，几点')).toEqual(['门店', '店几', '几点']);
    expect(hanPairs('no Chinese here')).toEqual([]);
  });
});

describe('term and lowerWords', () => {
  it('read a word and a text as terms compare them', () => {
    expect(term('Refunds')).toBe('refund');
    expect(term('退款')).toBe('退款');
    expect(lowerWords('Where is my ORDER? 我的订单')).toEqual(['where', 'is', 'my', 'order', '我的', '订单']);
  });
});

describe('sameActionWords', () => {
  it('reads "log in", "login" and "log on" as "sign in", and "log out" as "sign out"', () => {
    expect(terms('I cannot log in')).toEqual(terms('I cannot sign in'));
    expect(terms('login page')).toEqual(terms('sign in page'));
    expect(terms('logged on twice')).toEqual(terms('signed in twice'));
    expect(terms('how do I log out')).toEqual(terms('how do I sign out'));
  });

  it('leaves a log that is not signing in alone', () => {
    expect(terms('download the error log')).toContain('log');
    expect(terms('log the request')).toContain('log');
  });
});

describe('joinCompounds', () => {
  it('reads a thing written apart or together as one word ("back up", "back-up", "backup")', () => {
    expect(joinCompounds(lowerWords('How do I back up my wallets?'))).toContain('backup');
    expect(terms('Backing up before you set up a new phone')).toEqual(terms('backup before you setup a new phone'));
    expect(terms('send an e-mail')).toEqual(terms('send an email'));
    expect(terms('the Wi-Fi drops')).toContain(term('wifi'));
  });

  it('joins only the pair, not a word that merely starts one', () => {
    expect(joinCompounds(['back', 'to', 'the', 'start'])).toEqual(['back', 'to', 'the', 'start']);
    expect(joinCompounds(['set', 'the', 'table', 'up'])).toEqual(['set', 'the', 'table', 'up']);
    expect(joinCompounds(['check'])).toEqual(['check']);
  });
});
