import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownNesting, markdownNestingProblem, maxMarkdownNesting } from './markdownNesting.js';

const nestedList = (levels: number, indent = '  ') =>
  Array.from({ length: levels }, (_, i) => `${indent.repeat(i)}- level ${i + 1}`).join('\n');

describe('markdownNesting', () => {
  it('measures ordinary articles shallow', () => {
    expect(markdownNesting('# Title\n\nSome text.\n')).toBe(0);
    expect(markdownNesting('> [!TIP]\n> Keep the receipt.\n')).toBe(1);
    expect(markdownNesting('- a\n  - b\n    - c\n- d\n')).toBe(3);
    expect(markdownNesting('1. one\n   1. two\n      - three\n')).toBe(3);
    expect(markdownNesting('> - quoted item\n>   - nested\n')).toBe(3);
    expect(markdownNesting('Text\n\n---\n\n- - -\n\n* * *\n')).toBe(0);
    expect(markdownNesting('2 > 1 and a -> b\n')).toBe(0);
  });

  it('counts the hostile shapes in full', () => {
    expect(markdownNesting('>'.repeat(5000))).toBe(5000);
    expect(markdownNesting('> '.repeat(300) + 'x')).toBe(300);
    expect(markdownNesting(nestedList(1500))).toBe(1500);
    expect(markdownNesting(nestedList(400, '\t'))).toBe(400);
    expect(markdownNesting(`${'- '.repeat(700)}x`)).toBe(700);
    expect(markdownNesting(`${'1. '.repeat(200)}x`)).toBe(200);
    expect(markdownNesting(`${'- > '.repeat(150)}x`)).toBe(300);
  });

  it('keeps counting through lazy continuation lines', () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(`${'  '.repeat(i)}- item ${i}`, 'lazy text');
    expect(markdownNesting(lines.join('\n'))).toBe(300);
  });

  it('skips fenced code, but not past the list item the fence was opened in', () => {
    expect(markdownNesting(`\`\`\`\n${'>'.repeat(500)}\n${nestedList(300)}\n\`\`\`\n`)).toBe(0);
    expect(markdownNesting(`- step\n  \`\`\`yaml\n  ${'>'.repeat(500)}\n  \`\`\`\n`)).toBe(1);
    // The item ends at the unindented line, and the fence with it.
    expect(markdownNesting(`- \`\`\`\n${'>'.repeat(500)}\n`)).toBe(500);
    // "```x```" is inline code, not a fence.
    expect(markdownNesting(`\`\`\`x\`\`\`\n${'>'.repeat(500)}\n`)).toBe(500);
    // Indented code is not a fence opener inside an item.
    expect(markdownNesting(`    \`\`\`\n${'>'.repeat(500)}\n`)).toBe(500);
  });

  it('counts a text of 200,000 list markers and 400,000 quote markers in full', () => {
    const big = `${'- '.repeat(200_000)}x\n\n${'>'.repeat(400_000)}`;
    expect(markdownNesting(big)).toBe(400_000);
  });

  it('refuses past the limit, where the Markdown parser would still cope', () => {
    expect(markdownNestingProblem('>'.repeat(maxMarkdownNesting))).toBeUndefined();
    expect(markdownNestingProblem('>'.repeat(maxMarkdownNesting + 1))).toBe(
      `Markdown nested ${maxMarkdownNesting + 1} levels deep (block quotes or lists inside each other); the limit is ${maxMarkdownNesting}`,
    );
    // At the limit the parser has room to spare: it parses these without running out of stack.
    expect(() => marked.lexer('>'.repeat(maxMarkdownNesting * 3))).not.toThrow();
    expect(() => marked.lexer(nestedList(maxMarkdownNesting * 3))).not.toThrow();
  });
});
