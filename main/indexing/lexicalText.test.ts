import { describe, expect, it } from 'vitest';
import { lexicalText } from './lexicalText.js';
import { segmentForIndex } from './segmentForIndex.js';

const words = (markdown: string) => segmentForIndex(lexicalText(markdown)).split(' ');

describe('lexicalText', () => {
  it('keeps link text and drops the link target of a Chinese article', () => {
    const lex = words('详见[退款时间](zh-refund-timing.md)。');
    expect(lex).toContain('退款');
    for (const w of ['zh', 'refund', 'timing', 'md']) expect(lex).not.toContain(w);
  });

  it('keeps image alt text, drops image and reference targets', () => {
    const lex = words(
      '![Refund form](https://cdn.example.com/img/refund-form.png "Form title")\n\nSee [the policy][p].\n\n[p]: https://help.example.com/returns-policy "Returns"\n',
    );
    expect(lex).toEqual(expect.arrayContaining(['refund', 'form', 'see', 'the', 'policy']));
    for (const w of ['cdn', 'example', 'img', 'png', 'help', 'returns', 'https', 'title']) expect(lex).not.toContain(w);
  });

  it('drops autolinks and bare URLs but keeps the sentence around them', () => {
    const lex = words(
      'Write to <https://www.example.com/contact> or visit www.oakshop.com/help today, or https://a.io/x?y=1.',
    );
    expect(lex).toEqual(['write', 'to', 'or', 'visit', 'today', 'or']);
  });

  it('drops HTML tags and keeps their text', () => {
    const lex = words('<div class="notice">Parcels <span style="color:red">ship</span> daily</div>\n\nFast &amp; free');
    expect(lex).toEqual(['parcels', 'ship', 'daily', 'fast', 'free']);
  });

  it('keeps table cells, headings, emphasis and code words apart', () => {
    const lex = words(
      '## Plans\n\n| Plan | Price |\n| --- | --- |\n| **Oak** | `$5` |\n\n```\nrefundWindow = 30\n```\n',
    );
    expect(lex).toEqual(['plans', 'plan', 'price', 'oak', '5', 'refundwindow', '30']);
  });
});
