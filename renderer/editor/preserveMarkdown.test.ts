import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, guardLineStart } from './markdownEscaping';
import { pairItems, patchSource, splitListItems, tableCells } from './preserveMarkdown';

describe('patchSource', () => {
  it('applies an edit of the editor text to the source it was read from', () => {
    // The source says __bold__ and \> where the editor writes **bold** and >.
    expect(
      patchSource(
        'Open __Account \\> Orders__ now.',
        'Open **Account > Orders** now.',
        'Open **Account > Orders** today.',
      ),
    ).toBe('Open __Account \\> Orders__ today.');
  });

  it('keeps inline HTML and entities around the edit', () => {
    expect(patchSource('Press <kbd>Ctrl</kbd> &copy; 2026', 'Press Ctrl &copy; 2026', 'Press Ctrl &copy; 2027')).toBe(
      'Press <kbd>Ctrl</kbd> &copy; 2027',
    );
  });

  it('returns the source when nothing changed, and undefined when an edit has no anchor', () => {
    expect(patchSource('a', 'b', 'b')).toBe('a');
    expect(patchSource('xyz', 'abc', 'abXc')).toBeUndefined();
    expect(patchSource('xyz', 'abc', 'abc!')).toBe('xyz!');
  });
});

describe('pairItems', () => {
  it('tells kept items from items edited in place and new ones', () => {
    expect(pairItems(['a', 'b', 'c'], ['a', 'B', 'c', 'd'])).toEqual({
      kept: [0, -1, 2, -1],
      replaced: [-1, 1, -1, -1],
    });
  });
});

describe('tableCells and splitListItems', () => {
  it('splits a row on unescaped pipes, with or without outer pipes', () => {
    expect(tableCells('| a \\| b | c  |')).toEqual(['a \\| b', 'c']);
    expect(tableCells('a | b')).toEqual(['a', 'b']);
  });

  it('splits a list into items with the text between them', () => {
    expect(splitListItems('1. One\n   more\n\n2. Two\n   - nested\n3) Three')).toEqual([
      { text: '1. One\n   more', sep: '\n\n', marker: '1.', indent: '' },
      { text: '2. Two\n   - nested', sep: '\n', marker: '2.', indent: '' },
      { text: '3) Three', sep: '\n', marker: '3)', indent: '' },
    ]);
  });
});

describe('escapeMarkdownText', () => {
  it('writes <, > and & as they are unless they would read as a tag or an entity', () => {
    expect(escapeMarkdownText('Account > Orders & <b> 1 < 2 &amp;', false, 'minimal')).toBe(
      'Account > Orders & \\<b> 1 < 2 \\&amp;',
    );
  });

  it('escapes inline syntax in safe mode only', () => {
    expect(escapeMarkdownText('snake_case *x* [y]', false, 'safe')).toBe('snake\\_case \\*x\\* \\[y\\]');
    expect(escapeMarkdownText('snake_case *x* [y]', false, 'minimal')).toBe('snake_case *x* [y]');
  });

  it('guards a line that would start a block', () => {
    expect(['> q', '# h', '- i', '1. n', '---', '```', 'plain'].map(guardLineStart)).toEqual([
      '\\> q',
      '\\# h',
      '\\- i',
      '1\\. n',
      '\\---',
      '\\```',
      'plain',
    ]);
    expect(escapeMarkdownText('a\n> b', false, 'minimal')).toBe('a\n\\> b');
  });
});
