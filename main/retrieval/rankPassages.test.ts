import { describe, expect, it } from 'vitest';
import { tempIndexPerTest } from '../../tests/fixtures/tempIndex.js';
import { indexWorkspace, termStatsOf } from '../indexing/index.js';
import { articleScores, questionTerms } from '../text/index.js';
import { rankPassages } from './rankPassages.js';
import type { SearchResult } from './searchChunks.js';

const t = tempIndexPerTest();

const section = 'Lift the cover and slide the new toner cartridge in until it clicks.';

function retrieved(articleId: string, title: string): SearchResult {
  return {
    chunkId: `${articleId}#0`,
    articleId,
    title,
    headings: ['Replacing the toner'],
    text: section,
    start: 0,
    end: section.length,
    locale: 'en',
    status: 'draft',
    score: 1,
    explanation: {},
  };
}

describe('the whole page beside its best section', () => {
  it('ranks first, between equal sections, the article whose other sections hold the rest of the question', async () => {
    const whole = await create(
      'Printer care',
      `## Replacing the toner\n\n${section}\n\n## Paper jams\n\nA paper jam after a toner change means the drum is not seated.\n`,
    );
    const narrow = await create(
      'Printer supplies',
      `## Replacing the toner\n\n${section}\n\n## Ordering\n\nOrder supplies from the online shop.\n`,
    );
    await indexWorkspace(t.ctx.store, t.index);
    const stats = await termStatsOf(t.index);
    const question = 'paper jam right after I replaced the toner cartridge';
    const terms = questionTerms(question);

    const pages = articleScores(stats, terms, [whole, narrow]);
    expect(pages.get(whole)!).toBeGreaterThan(pages.get(narrow)!);
    // The narrow article comes back first from search; the same section text leaves the tie to the page.
    const ranked = rankPassages(
      [retrieved(narrow, 'Printer supplies'), retrieved(whole, 'Printer care')],
      terms,
      stats,
    );
    expect(ranked.map((r) => r.result.articleId)).toEqual([whole, narrow]);
  });

  it('counts the title once however many sections repeat it, and nothing for articles not asked about', async () => {
    const long = await create(
      'Toner',
      ['## One\n\nFirst part.', '## Two\n\nSecond part.', '## Three\n\nThird.'].join('\n\n'),
    );
    const short = await create('Toner', 'Only part.');
    await indexWorkspace(t.ctx.store, t.index);
    const stats = await termStatsOf(t.index);
    const toner = [...stats.articles!.postings.get(questionTerms('toner')[0]!)!];
    expect(new Map(toner)).toEqual(
      new Map([
        [long, 1],
        [short, 1],
      ]),
    );
    expect([...articleScores(stats, questionTerms('toner'), [short]).keys()]).toEqual([short]);
  });
});

async function create(title: string, body: string): Promise<string> {
  return (await t.ctx.store.create({ title, locale: 'en', body: `${body}\n` })).id;
}

describe('sections that are only links', () => {
  it('rank below a section answering with the same words', async () => {
    const stats = { chunks: 10, df: new Map<string, number>() };
    const terms = questionTerms('how do I delete my account');
    const nav = {
      ...retrieved('faq-index', 'FAQ'),
      text: '- [How do I delete my account?](account.md#delete)\n- [How do I change my email?](account.md#email)',
      score: 1.4,
    };
    const answer = {
      ...retrieved('account', 'Account'),
      text: 'To delete your account, open Settings and tap Delete.',
    };
    const ranked = rankPassages([nav, answer], terms, stats);
    expect(ranked.map((r) => r.result.articleId)).toEqual(['account', 'faq-index']);
  });
});
