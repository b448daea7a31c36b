import { describe, expect, it } from 'vitest';
import { visibleLetters } from './passageHighlight';

describe('visibleLetters', () => {
  it('drops the delimiter row of a table, so a passage that starts with a table is found', () => {
    expect(visibleLetters('| Method | Days |\n| --- | :---: |\n| Alipay | 1–3 |')).toBe('MethodDaysAlipay1–3');
  });

  it('keeps the words of links, lists and headings and drops their syntax', () => {
    expect(visibleLetters('## Steps\n\n1. Open [Orders](orders.md)\n- **Select** it\n\n---')).toBe(
      'StepsOpenOrdersSelectit',
    );
  });
});
