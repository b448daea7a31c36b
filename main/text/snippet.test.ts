import { describe, expect, it } from 'vitest';
import { snippet, snippetChars, snippetText } from './snippet.js';

describe('snippetText', () => {
  it('drops emphasis marks and heading hashes', () => {
    expect(snippetText('## Refund **timing**\n\nRefunds take *5–10* days.')).toBe(
      'Refund timing\nRefunds take 5–10 days.',
    );
  });

  it('shows links as their text and images as their alt text', () => {
    expect(snippetText('See [the policy](https://shop.example/p) and ![a chart](chart.png).')).toBe(
      'See the policy and a chart.',
    );
  });

  it('shows a table as rows of cells separated by a middle dot', () => {
    const table = '| Method | Days |\n| --- | --- |\n| Card | 5 |\n| **Gift card** | 1 |';
    expect(snippetText(table)).toBe('Method · Days\nCard · 5\nGift card · 1');
  });

  it('keeps list items, quotes, code and entities as text', () => {
    expect(snippetText('- one [link](u)\n- two\n\n> quoted `code` AT&amp;T <b>bold</b>')).toBe(
      'one link\ntwo\nquoted code AT&T bold',
    );
  });

  it('keeps Chinese text whole', () => {
    expect(snippetText('**退款**多久到账？见[退款政策](refund.md)。')).toBe('退款多久到账？见退款政策。');
  });
});

describe('snippet', () => {
  it('is the text as read, cut with an ellipsis past its length', () => {
    expect(snippet('**Short**')).toBe('Short');
    const long = `${'word '.repeat(200)}`;
    expect(snippet(long)).toBe(`${'word '.repeat(200).trim().slice(0, snippetChars)}…`);
    expect(snippet('one **two** three', 7)).toBe('one two…');
  });
});
