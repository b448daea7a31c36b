import { describe, expect, it } from 'vitest';
import { agentProfileSchema } from './agentProfile.js';
import { definingConcepts, learnedIntents } from './learnedIntents.js';
import { exampleSimilarity, exampleThreshold, keywordMatches, matchIntents } from './matchIntents.js';
import { statedAmounts } from '../text/index.js';

const intents = agentProfileSchema.parse({
  name: 'Test',
  handoff: [
    {
      topic: 'account-closure',
      rule: 'Closing the account',
      keywords: ['close|delete account|profile', '注销 账号|账户'],
      examples: { en: ['I never want to log in to your shop again, get rid of all of it'] },
    },
    {
      topic: 'account-change',
      rule: 'Changing a phone the customer cannot verify',
      keywords: ['lost phone code|codes'],
      except: ['backup_code*|backup_codes'],
    },
    {
      topic: 'large-refund',
      rule: 'Refunds above 2,000 CNY or 300 USD',
      amountAbove: { CNY: 2000, USD: 300 },
      amountWords: ['refund', '退'],
    },
  ],
}).handoff;

describe('keywordMatches', () => {
  it('finds every piece in any word form, one alternative per piece, English pieces close together', () => {
    expect(keywordMatches('close|delete account|profile', 'Please close my account')).toBe(true);
    expect(keywordMatches('close|delete account|profile', 'how do I delete my profile?')).toBe(true);
    expect(keywordMatches('close|delete account|profile', 'closing accounts')).toBe(true);
    expect(
      keywordMatches(
        'close|delete account|profile',
        'Close the lid of the box before you send it back, see the account page for the label',
      ),
    ).toBe(false);
  });

  it('matches Chinese pieces as written, phrases in order and prefixes', () => {
    expect(keywordMatches('注销 账号|账户', '我要注销我的账户')).toBe(true);
    expect(keywordMatches('注销 账号|账户', '怎么注销会员')).toBe(false);
    expect(keywordMatches('speak_to a_person', 'can I speak to a person')).toBe(true);
    expect(keywordMatches('speak_to a_person', 'a person to speak')).toBe(false);
    expect(keywordMatches('injur*', 'my son was injured')).toBe(true);
  });
});

describe('matchIntents', () => {
  it('names the topic and the evidence: keyword, example or amount', () => {
    expect(matchIntents('please close my account', intents)[0]).toMatchObject({
      topic: 'account-closure',
      by: 'keyword',
    });
    expect(matchIntents('I never want to log in to your shop again. Get rid of it all', intents)[0]).toMatchObject({
      topic: 'account-closure',
      by: 'example',
    });
    expect(matchIntents('I want a refund of 3,500 CNY', intents)[0]).toMatchObject({
      topic: 'large-refund',
      by: 'amount',
    });
    expect(matchIntents('这套沙发五千元，全部退了', intents)[0]).toMatchObject({ topic: 'large-refund', by: 'amount' });
  });

  it('does not match a keyword the customer negates, unless the keyword says the negation itself', () => {
    expect(matchIntents('只想取消会员自动续费，账户不要注销', intents)).toEqual([]);
    expect(matchIntents('帮我把账户注销了', intents)[0]?.topic).toBe('account-closure');
    expect(matchIntents('cancel the membership but do not close my account', intents)).toEqual([]);
    expect(matchIntents('please close my account', intents)[0]?.topic).toBe('account-closure');
    // Nor is a negated wish like an example that wants it.
    expect(exampleSimilarity('只想取消自动续费，账户不要注销', '我要注销账户')).toBeLessThan(exampleThreshold);
    expect(exampleSimilarity('帮我注销账户', '我要注销账户')).toBeGreaterThanOrEqual(exampleThreshold);
  });

  it('leaves near misses alone: small refunds, other subjects, an exception that applies', () => {
    expect(matchIntents('refund of 150 USD please', intents)).toEqual([]);
    expect(matchIntents('refund within 30 days for 2 items', intents)).toEqual([]);
    expect(matchIntents('How long does a refund take?', intents)).toEqual([]);
    expect(matchIntents('I lost my phone but I have my backup codes, how do I log in?', intents)).toEqual([]);
    expect(matchIntents('I lost my phone and the codes go to it', intents)[0]?.topic).toBe('account-change');
  });
});

describe('statedAmounts', () => {
  it('reads numbers, thousands, Chinese numerals and currencies, not order numbers or durations', () => {
    expect(statedAmounts('refund $800 for LO-2026-123456')).toEqual([{ value: 800, currency: 'USD' }]);
    expect(statedAmounts('about 18k yuan')).toEqual([{ value: 18000, currency: 'CNY' }]);
    expect(statedAmounts('退我三千五百元')).toEqual([{ value: 3500, currency: 'CNY' }]);
    expect(statedAmounts('within 30 days, 2 items, since 2025')).toEqual([]);
  });
});

describe('learnedIntents: evidence beyond the words a team wrote down', () => {
  const learned = agentProfileSchema.parse({
    name: 'Test',
    handoff: [
      {
        topic: 'account-closure',
        rule: 'Closing the account',
        risk: 'high',
        articles: ['close-your-account'],
        examples: { en: ["I don't want an account with you anymore, shut it down"] },
      },
      {
        topic: 'data-request',
        rule: 'Personal data requests',
        risk: 'high',
        articles: ['privacy'],
        examples: {
          en: ['Send me a copy of all the information you hold on me'],
          'zh-CN': ['请删除你们保存的我的个人信息'],
        },
      },
      {
        topic: 'complaint',
        rule: 'Formal complaints',
        examples: { en: ['The delivery crew was rude to my mother'] },
      },
      {
        topic: 'legal',
        rule: 'Legal matters',
        risk: 'high',
        examples: { en: ['My lawyer will contact you about the lamp recall notice'] },
      },
    ],
  }).handoff;
  const sure = { articles: ['shipping'], unsure: false };

  it('hands off on shared concepts alone when three or more are shared, naming the example', () => {
    const [m] = learnedIntents('I never want to hear from you again, remove my login for good', learned, sure);
    expect(m?.topic).toBe('account-closure');
    expect(m?.by).toBe('learned');
    expect(m?.evidence).toContain(`shares its concepts with the example "I don't want an account with you anymore`);
    expect(learnedIntents('how do I remove an item from my account wishlist', learned, sure)).toEqual([]);
  });

  it('counts a best passage from a linked article as evidence, never as enough on its own', () => {
    const question = '把我在你们那儿留的个人资料都清掉';
    const linked = learnedIntents(question, learned, { articles: ['privacy'], unsure: false });
    expect(linked[0]?.topic).toBe('data-request');
    expect(linked[0]?.evidence).toContain('its best passage is from privacy, linked to data-request');
    expect(learnedIntents('what are your opening hours', learned, { articles: ['privacy'], unsure: false })).toEqual(
      [],
    );
  });

  it('hands off on the concepts that define a topic, learned from its examples, but not on one of them', () => {
    // Personal data and handing it over define data requests here; no word of the example is used.
    const [m] = learnedIntents('what do you actually keep on file about me? I want all of it sent over', learned, sure);
    expect(m).toMatchObject({ topic: 'data-request', by: 'learned' });
    expect(m?.evidence).toContain('expresses what defines the topic: handOver and personalData');
    expect(learnedIntents('is my information safe with you', learned, sure)).toEqual([]);
    expect(learnedIntents('can you send me the catalogue', learned, sure)).toEqual([]);
  });

  it('lets concepts count only when the knowledge rarely expresses one of them', () => {
    const question = 'what do you actually keep on file about me? I want all of it sent over';
    // Articles that speak of personal details, keeping and sending them, and of "me", everywhere.
    const common = { ...sure, conceptShare: () => 0.4 };
    expect(learnedIntents(question, learned, common)).toEqual([]);
    const rare = { ...sure, conceptShare: (c: string) => (c === '§aboutMe' ? 0.01 : 0.4) };
    expect(learnedIntents(question, learned, rare)[0]?.evidence).toContain('defines the topic');
  });

  it('lets one defining concept decide a normal topic when the knowledge almost never expresses it', () => {
    const question = 'the installer shouted at my husband and was abusive';
    expect(definingConcepts(learned).get('complaint')).toEqual(['§complaint']);
    // Rare in the knowledge (5% of passages): a normal topic needs more than its one concept.
    const rare = { ...sure, conceptShare: (c: string) => (c === '§complaint' ? 0.05 : 0.4) };
    expect(learnedIntents(question, learned, rare)).toEqual([]);
    // Almost never there (1%): the articles do not speak that way, and the question goes to complaints.
    const unheard = { ...sure, conceptShare: (c: string) => (c === '§complaint' ? 0.01 : 0.4) };
    const [m] = learnedIntents(question, learned, unheard);
    expect(m).toMatchObject({ topic: 'complaint', by: 'learned' });
    expect(m?.evidence).toContain('expresses what defines the topic: complaint');
  });

  it('hands a question the agent is unsure about to a high-risk topic it leans towards, and to a normal one only when it leans further', () => {
    const question = 'is there a recall notice?';
    expect(learnedIntents(question, learned, sure)).toEqual([]);
    const unsure = learnedIntents(question, learned, { articles: ['shipping'], unsure: true });
    expect(unsure[0]?.topic).toBe('legal');
    expect(unsure[0]?.evidence).toContain('legal is high-risk and no article answers the question confidently');
    // A normal-risk topic needs a stronger lean than the high-risk one: words of its examples alone are not enough…
    expect(learnedIntents('the crew was late', learned, { articles: [], unsure: true })).toEqual([]);
    // …what defines it is, when the agent would hand off anyway; never when it can answer.
    const rude = 'my mother got a rude answer';
    expect(learnedIntents(rude, learned, sure)).toEqual([]);
    const [m] = learnedIntents(rude, learned, { articles: [], unsure: true });
    expect(m).toMatchObject({ topic: 'complaint', by: 'learned' });
    expect(m?.evidence).toContain('no article answers the question confidently');
    expect(m?.evidence).not.toContain('high-risk');
  });
});
