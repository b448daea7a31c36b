import { describe, expect, it } from 'vitest';
import { htmlNesting, htmlNestingProblem, maxHtmlNesting } from './htmlNesting.js';
import { htmlToMarkdown } from './htmlToMarkdown.js';

describe('htmlNesting', () => {
  it('measures ordinary pages shallow', () => {
    expect(htmlNesting('<p>One<p>Two<ul><li>a<li>b</ul>')).toBe(1);
    expect(
      htmlNesting('<html><head><title>x</title></head><body><div><p>Hi<br>there<img src=x></p></div></body></html>'),
    ).toBe(1);
    expect(htmlNesting('<div><div><span>x</span></div></div>')).toBe(3);
    expect(htmlNesting('<script>if (a < b) { "<div><div>" }</script><div></div>')).toBe(1);
    expect(htmlNesting('<!-- <div><div><div> --><a title="<div>" href=\'>\'>x</a>')).toBe(1);
    expect(htmlNesting('<div></span></span><div>x</div></div>')).toBe(2);
    expect(htmlNesting('a < b and c<d')).toBe(0);
  });

  it('counts the hostile shapes in full', () => {
    expect(htmlNesting('<div>'.repeat(2000))).toBe(2000);
    expect(htmlNesting(`${'<div>'.repeat(2000)}x${'</div>'.repeat(2000)}`)).toBe(2000);
    expect(htmlNesting(`${'<div/>'.repeat(300)}`)).toBe(300);
    expect(htmlNesting(`${'<blockquote><ul><li>'.repeat(500)}x`)).toBe(1000);
  });

  it('counts a text of 100,000 open elements and 100,000 unclosed attributes in full', () => {
    const big = `${'<div>'.repeat(100_000)}${'</div>'.repeat(100_000)}${'<a title="'.repeat(100_000)}`;
    expect(htmlNesting(big)).toBe(100_000);
  });

  it('refuses past the limit, where the converter would still cope', () => {
    expect(htmlNestingProblem('<div>'.repeat(maxHtmlNesting))).toBeUndefined();
    expect(htmlNestingProblem('<div>'.repeat(maxHtmlNesting + 1))).toBe(
      `HTML nested ${maxHtmlNesting + 1} levels deep (elements inside each other); the limit is ${maxHtmlNesting}`,
    );
    // Twice the limit still converts: the limit leaves the converter room to spare.
    const deep = `${'<div>'.repeat(maxHtmlNesting * 2)}deep text${'</div>'.repeat(maxHtmlNesting * 2)}`;
    expect(htmlToMarkdown(deep).markdown).toBe('deep text');
  });
});
