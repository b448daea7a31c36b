import { describe, expect, it } from 'vitest';
import { diffBlocks, diffHtml } from './diffBlocks.js';

const table = (cell: string) => `| Item | Days |\n| --- | --- |\n| Shoes | ${cell} |\n| Bags | 14 |\n`;

describe('diffBlocks', () => {
  it('marks a changed table cell inside its rendered row, and leaves the other rows unchanged', () => {
    const blocks = diffBlocks(`# Returns\n\n${table('30')}`, `# Returns\n\n${table('60')}`);
    expect(blocks.map((b) => [b.kind, b.container ?? null])).toEqual([
      ['unchanged', null],
      ['unchanged', 'table'],
      ['changed', 'table'],
      ['unchanged', 'table'],
    ]);
    const row = blocks[2]!;
    expect(row.html).toBe('<td>Shoes</td><td><del>30</del><ins>60</ins></td>');
    expect(blocks[1]!.header).toBe(true);
    expect(blocks.map((b) => b.html).join('')).not.toMatch(/\||\*\*/);
  });

  it('marks a changed word in a heading and renders inline Markdown', () => {
    const [heading, para] = diffBlocks('## Refund **policy**\n\nText.\n', '## Refund **rules**\n\nText.\n');
    expect(heading).toMatchObject({
      kind: 'changed',
      html: '<h2>Refund <strong><del>policy</del><ins>rules</ins></strong></h2>',
    });
    expect(para).toMatchObject({ kind: 'unchanged', html: '<p>Text.</p>' });
  });

  it('shows added and removed blocks, and a rewritten block as removed + added', () => {
    const blocks = diffBlocks(
      'Alpha beta.\n\nOld words here.\n',
      'Alpha beta.\n\nCompletely different.\n\n- new item\n',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['unchanged', 'removed', 'added', 'added']);
    expect(blocks[3]).toMatchObject({ container: 'ul', html: 'new item' });
  });

  it('numbers ordered list items and ignores renumbering', () => {
    const blocks = diffBlocks('1. one\n2. two\n', '1. one\n1. two\n3. three\n');
    expect(blocks.map((b) => [b.kind, b.start])).toEqual([
      ['unchanged', 1],
      ['unchanged', 2],
      ['added', 3],
    ]);
  });

  it('segments Chinese by word inside a changed paragraph', () => {
    const [block] = diffBlocks('退款将在七个工作日内到账。\n', '退款将在三个工作日内到账。\n');
    expect(block!.kind).toBe('changed');
    const removed = /<del>(.*?)<\/del>/.exec(block!.html)![1]!;
    expect(removed).toContain('七');
    expect(removed.length).toBeLessThan(4);
    expect(block!.html).toContain('工作日');
  });

  it('sanitises what the Markdown carries', () => {
    const [block] = diffBlocks(
      '',
      'Hi <img src=x onerror="alert(1)"> [x](javascript:alert(1)) <script>bad()</script>\n',
    );
    expect(block!.kind).toBe('added');
    expect(block!.html).not.toMatch(/onerror|javascript:|<script/);
  });
});

describe('diffHtml', () => {
  it('joins neighbouring word changes into one and keeps the new markup', () => {
    const { html, similarity } = diffHtml('<p>a b c d</p>', '<p>x y c <em>d</em></p>');
    expect(html).toBe('<p><del>a b</del><ins>x y</ins> c <em>d</em></p>');
    expect(similarity).toBeCloseTo(0.5);
  });
});
