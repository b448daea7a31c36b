import { describe, expect, it } from 'vitest';
import type { SearchResponse, SearchResult } from '../retrieval/index.js';
import { withHighlights } from './searchHighlights.js';

const result = (chunkId: string, text: string): SearchResult => ({
  chunkId,
  articleId: chunkId,
  title: chunkId,
  headings: [],
  text,
  start: 0,
  end: text.length,
  locale: 'en',
  status: 'approved',
  score: 1,
  explanation: {},
});

describe('withHighlights', () => {
  it("gives each result its snippet as read and the ranges of it that match the query's words", () => {
    const response: SearchResponse = {
      query: 'how long does a refund take',
      mode: 'lexical',
      ranMode: 'lexical',
      terms: ['how', 'long', 'does', 'a', 'refund', 'take'],
      results: [
        result('en', '## Refunds\n\nWe **refund** within 5 days; refunding takes long.'),
        result('zh', '**退款**多久到账？'),
      ],
    };
    const shown = withHighlights(response);
    expect(shown.results.map((r) => r.snippet)).toEqual([
      'Refunds\nWe refund within 5 days; refunding takes long.',
      '退款多久到账？',
    ]);
    const [en, zh] = shown.results;
    expect(en!.highlights.map((r) => en!.snippet.slice(r.start, r.end))).toEqual([
      'Refunds',
      'refund',
      'refunding',
      'takes',
      'long',
    ]);
    expect(zh!.highlights).toEqual([]);
    expect(shown).toMatchObject({ query: response.query, terms: response.terms, mode: 'lexical' });
    expect(shown.results[0]).toMatchObject({ chunkId: 'en', text: response.results[0]!.text });
  });
});
