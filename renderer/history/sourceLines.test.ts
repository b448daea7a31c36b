import { diffWordsWithSpace } from 'diff';
import { describe, expect, it } from 'vitest';
import { normaliseLine, sourceLines, tableCells, type TextChange } from './sourceLines';

/** The body diff as the core sends it: word changes over the whole Markdown text. */
function body(from: string, to: string): TextChange[] {
  return diffWordsWithSpace(from, to).map((p) => ({
    kind: p.added ? 'added' : p.removed ? 'removed' : 'equal',
    text: p.value,
  }));
}

describe('sourceLines', () => {
  it('reads table cells and drops their padding', () => {
    expect(tableCells('| a   | b \\| c |  |')).toEqual(['a', 'b \\| c', '']);
    expect(normaliseLine('|:-----|------:|')).toBe('| :--- | ---: |');
    expect(tableCells('not | a row')).toBeNull();
  });

  it('marks only the changed cell of a re-padded table', () => {
    const from = 'Intro\n\n| Item | Window |\n| --- | --- |\n| Shoes | 30 days |\n| Bags | 14 days |\n';
    const to = 'Intro\n\n| Item  | Window  |\n| ----- | ------- |\n| Shoes | 30 days |\n| Bags  | 21 days |\n';
    const lines = sourceLines(body(from, to));
    const rows = lines.filter((l) => l.kind === 'row');
    expect(rows).toHaveLength(1);
    expect(lines.filter((l) => l.kind !== 'equal' && l.kind !== 'row')).toEqual([]);
    const cells = rows[0]!.kind === 'row' ? rows[0]!.cells : [];
    expect(cells.map((c) => c.changed)).toEqual([false, true]);
    expect(cells[1]!.parts).toEqual([
      { kind: 'removed', text: '14' },
      { kind: 'added', text: '21' },
      { kind: 'equal', text: ' days' },
    ]);
  });

  it('marks changed words in a line and shows rewritten lines whole', () => {
    const lines = sourceLines(
      body('## Who pays and when\n\nOld text here.\n', '## Who pays and how\n\nSomething else entirely.\n'),
    );
    expect(lines[0]).toEqual({
      kind: 'changed',
      parts: [
        { kind: 'equal', text: '## Who pays and ' },
        { kind: 'removed', text: 'when' },
        { kind: 'added', text: 'how' },
      ],
    });
    expect(lines.filter((l) => l.kind === 'removed' || l.kind === 'added').map((l) => l.kind)).toEqual([
      'removed',
      'added',
    ]);
  });
});
