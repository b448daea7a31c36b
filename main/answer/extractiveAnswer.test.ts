import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../indexing/index.js';
import { reviewedStore } from '../review/index.js';
import { passageTerms, questionTerms, type TermStats } from '../text/index.js';
import { answerQuestion } from './answerQuestion.js';
import { extractiveAnswer } from './extractiveAnswer.js';
import { KnowledgeViews } from './knowledgeViews.js';

const limits = { words: 150, characters: 300 };

/** Answer `question` from these passages alone, with term statistics counted over them. */
function answer(question: string, ...texts: string[]): string {
  const df = new Map<string, number>();
  for (const t of texts) for (const term of passageTerms(t)) df.set(term, (df.get(term) ?? 0) + 1);
  const stats: TermStats = { chunks: texts.length + 20, df };
  const passages = texts.map((text, i) => ({ n: i + 1, title: 'Help', text, locale: 'en', headings: [] }));
  return extractiveAnswer(question, questionTerms(question), passages, stats, 'en', limits);
}

describe('extractive answers read as a customer reads', () => {
  it('how long: the first sentence states the number', () => {
    const a = answer(
      'How long does a refund take to reach my card?',
      'We refund every return. Refunds go back to the card you paid with.\n\nThe money reaches your card within 5–7 business days after we receive the item.',
    );
    expect(a.split(/(?<=\])\s/)[0]).toMatch(/5–7 business days/);
  });

  it('how to: the steps, numbered and in order', () => {
    const a = answer(
      'How do I delete my account?',
      '## Delete your account\n\nTo delete your account:\n\n1. Open **Settings**.\n2. Tap Account.\n3. Choose Delete account and confirm.\n\nWe keep invoices for seven years.',
    );
    expect(a).toMatch(
      /^1\. Open Settings\. \[1\]\n2\. Tap Account\. \[1\]\n3\. Choose Delete account and confirm\. \[1\]/m,
    );
  });

  it('a problem reads on to its fix through bold labels inside the section, not into the next section', () => {
    const a = answer(
      'the app just sits on "please wait" after I bought more storage on my iphone',
      [
        '### Stuck on "Please wait" after buying storage',
        '',
        'If the app shows "Please wait" after an App Store purchase, the purchase did not reach us.',
        '',
        '**Recommended solution:**',
        '',
        '1. Request a refund at reportaproblem.apple.com',
        '2. Buy the plan again on the web',
        '',
        '### Why is my storage full?',
        '',
        'Deleted items stay in the trash for 30 days.',
      ].join('\n'),
    );
    expect(a).toMatch(/^If the app shows "Please wait"/);
    expect(a).toContain('1. Request a refund at reportaproblem.apple.com [1]');
    expect(a).not.toContain('30 days');
  });

  it('a table row reads as "key: value", never cells run together', () => {
    const a = answer(
      'How long does an Alipay refund take?',
      '## Refund times\n\n| Payment method | Time after we issue the refund |\n| --- | --- |\n| Card | 5–7 business days |\n| Alipay | 1–3 business days |',
    );
    expect(a).toContain('Alipay: 1–3 business days [1]');
    expect(a).not.toMatch(/Alipay 1–3|Payment methodTime/);
  });

  it('a question that names a row of a table is answered by that row, not by a sentence sharing its words', () => {
    const a = answer(
      'How long does a refund take to reach my card?',
      '## How long until you see the money\n\n| Payment method | Time after we issue the refund |\n| --- | --- |\n| Alipay | 1–3 business days |\n| Credit and debit cards | 5–10 business days |\n| Gift card | Immediately |\n\nGift card refunds are added to the card even if the card has expired; the refunded amount is valid for a further 90 days.',
    );
    expect(a.split('\n')[0]).toBe('Credit and debit cards: 5–10 business days [1]');
  });

  it('how often: the frequency, even when a sentence naming the platform matches more words', () => {
    const a = answer(
      'If I turn on background sync on Android, how often does it sync?',
      'Background sync is only available on Android, and excludes hardware wallets. It runs while the app is closed. It keeps wallets up to date. It uses the view key only. It never spends. It respects battery saver. It can be turned off.\n\nThere are three background sync options:\n\n* **Daily**: syncs about every eighteen (18) hours\n* **Hourly**: syncs about every sixty (60) minutes',
    );
    expect(a).toContain('Daily: syncs about every eighteen (18) hours [1]');
  });

  it('how much and how long: the figure with its number follows a sentence that says only "free" or "immediately"', () => {
    const price = answer(
      'how much does storage cost? 2 GB for a year',
      'Every user gets 300 MB of free storage, and can buy more storage.\n\n## Storage prices\n\n| Storage | Price |\n| --- | --- |\n| 300 MB | Free |\n| 2 GB | $20/year |',
    );
    expect(price).toContain('2 GB: $20/year');
    const time = answer(
      'how long does removal of my personal information take?',
      'Some sites process removal requests within 24 hours, while others take up to 6 weeks. Once removal of your personal information starts, each request is sent immediately.',
    );
    expect(time).toContain('within 24 hours');
  });

  it('a question in the text is not the answer: the sentence after it is, with its "Yes!"', () => {
    const a = answer(
      'can I use the gift cards outside the US?',
      '> [!NOTE]\n> **Contacting support**\n> If you need help with gift cards, use the live chat.\n\nCan gift cards be used outside the US?\nYes! They work in most countries; pick your country when you buy.',
    );
    expect(a.split(/(?<=\])\s/)[0]).toBe('Yes! They work in most countries; pick your country when you buy. [1]');
  });

  it('reads on into the next chunk of the article when the section goes on there', () => {
    const question = 'the activation email never shows up';
    const texts = [
      'If the activation email never shows up, first check that an email address is on your subscription. This can be checked with the following steps.',
      '- Open **Settings**\n- Select **Subscription** > **Add Email**',
    ];
    const df = new Map<string, number>();
    for (const t of texts) for (const term of passageTerms(t)) df.set(term, (df.get(term) ?? 0) + 1);
    const passages = texts.map((text, i) => ({
      n: i + 1,
      title: 'Getting started',
      text,
      locale: 'en',
      headings: [],
      articleId: 'getting-started',
      chunkId: `getting-started#${i + 6}`,
    }));
    const a = extractiveAnswer(question, questionTerms(question), passages, { chunks: 20, df }, 'en', limits);
    expect(a).toContain('following steps. [1]\n- Open Settings [2]\n- Select Subscription > Add Email [2]');
  });

  it('keeps a sentence with "e.g." and a hard line break whole', () => {
    const a = answer(
      'Which cards can I pay with at checkout?',
      'You can pay with any major card, e.g. Visa or\nMastercard, at checkout. Gift cards are redeemed separately.',
    );
    expect(a).toContain('You can pay with any major card, e.g. Visa or Mastercard, at checkout. [1]');
  });

  it('keeps inline code whole, placeholders included, and leaves no Markdown, entity or alert marker', () => {
    const a = answer(
      'How do I connect with ssh?',
      '> [!NOTE]\n> Connect with `ssh <USERNAME>@example.com` from **Account &gt; Access**, see [the guide](https://example.com/ssh).',
    );
    expect(a).toContain('ssh <USERNAME>@example.com');
    expect(a).toContain('Account > Access');
    expect(a).not.toMatch(/&gt;|\*\*|\[!NOTE\]|\]\(https/);
  });
});

describe('answers of the sample golden set', () => {
  let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
  let index: ChunkIndex;
  let views: KnowledgeViews;
  beforeAll(async () => {
    ctx = await tempWorkspace({ sample: true });
    const { store, book } = reviewedStore(ctx.ws);
    index = await ChunkIndex.open(indexDir(store));
    await indexWorkspace(store, index);
    views = new KnowledgeViews({ store, book, draftsIndex: async () => index });
  });
  afterAll(async () => {
    await views.close();
    index.close();
    await ctx.cleanup();
  });

  it('below the minimum confidence: a hand-off, or with `lowConfidence: suggest` a pointer, never a confident answer', async () => {
    const knowledge = await views.drafts();
    const question = 'Do you sell pet food for cats?';
    const handedOff = await answerQuestion(knowledge, question);
    expect(handedOff.confidence).toBeLessThan(knowledge.profile.meta.minConfidence);
    expect(handedOff.handoff).toMatchObject({ kind: 'low-confidence' });
    const meta = { ...knowledge.profile.meta, lowConfidence: 'suggest' as const };
    const pointed = await answerQuestion({ ...knowledge, profile: { ...knowledge.profile, meta } }, question);
    expect(pointed.handoff).toBeNull();
    expect(pointed.unsure).toMatch(/below the profile's minimum/);
    expect(pointed.answer).toMatch(/^I'm not sure; this article may help: .+ \[1\]$/);
    expect(pointed.citations).toHaveLength(1);
  });

  it('are plain text: no entity, Markdown mark, alert marker or link syntax', async () => {
    const knowledge = await views.drafts();
    const questions = (await readFile(path.join(ctx.ws.root, 'evals/golden.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { question: string }).question);
    expect(questions.length).toBeGreaterThan(10);
    for (const q of questions) {
      const { answer: text } = await answerQuestion(knowledge, q);
      expect(text, q).not.toMatch(
        /&(gt|lt|amp|quot|#\d+);|\*\*|__|\[!(NOTE|TIP|WARNING|IMPORTANT|CAUTION)\]|\]\(|<\/?[a-z]+[ >]/i,
      );
    }
  });
});
