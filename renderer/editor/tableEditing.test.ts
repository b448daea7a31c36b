import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { editorExtensions } from './editorExtensions';
import { losslessMarkdown } from './losslessMarkdown';
import { tableCells } from './preserveMarkdown';
import { availableTableActions, runTableAction } from './tableTools';

let editors: Editor[] = [];
afterEach(() => {
  editors.forEach((e) => e.destroy());
  editors = [];
});

const source = [
  'Refunds by method:',
  '',
  '| Method | Time |',
  '| --- | --- |',
  '| Card | 5–10 days |',
  '| PayPal | 1–2 days |',
  '',
  'After the table.',
  '',
].join('\n');

function open(markdown = source) {
  const editor = new Editor({ extensions: editorExtensions, content: markdown, contentType: 'markdown' });
  editors.push(editor);
  return { editor, markdown: losslessMarkdown(editor, markdown) };
}

/** Put the cursor at the start of the cell whose text is `text`. */
function inCell(e: Editor, text: string): Editor {
  let at = -1;
  e.state.doc.descendants((node, pos) => {
    if (at < 0 && (node.type.name === 'tableCell' || node.type.name === 'tableHeader') && node.textContent === text)
      at = pos + 2;
  });
  expect(at).toBeGreaterThan(0);
  e.commands.setTextSelection(at);
  return e;
}

/** Put the cursor in the cell at `row`, `column` of the table. */
function atCell(e: Editor, row: number, column: number): Editor {
  const cells: number[][] = [];
  e.state.doc.descendants((node, pos) => {
    if (node.type.name === 'tableRow') cells.push([]);
    if (node.type.name === 'tableCell' || node.type.name === 'tableHeader') cells.at(-1)!.push(pos + 2);
    return true;
  });
  e.commands.setTextSelection(cells[row]![column]!);
  return e;
}

const typeHere = (e: Editor, text: string) => e.commands.command(({ tr }) => !!tr.insertText(text));

/** The table lines of a saved body, checked to be a GFM table: a header, a delimiter row, rows as wide. */
function gfmTable(markdown: string): string[][] {
  const lines = markdown.split('\n').filter((line) => line.startsWith('|'));
  const rows = lines.map(tableCells);
  expect(rows[1]!.every((cell) => /^:?-{3,}:?$/.test(cell))).toBe(true);
  expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
  return rows.filter((_, i) => i !== 1);
}

/** The table as the editor reads it back from `markdown`. */
function readBack(markdown: string): string[][] {
  const { editor } = open(markdown);
  const rows: string[][] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'tableRow') rows.push([]);
    if (node.type.name === 'tableCell' || node.type.name === 'tableHeader') rows.at(-1)!.push(node.textContent);
    return true;
  });
  return rows;
}

describe('table rows and columns', () => {
  it('adds a column after the cursor: every row one cell wider, as the editor reads it back', () => {
    const { editor: e, markdown } = open();
    runTableAction(inCell(e, 'Card'), 'addColumnAfter');
    const saved = markdown.toMarkdown();
    expect(saved).toBe(
      source
        .replace('| Method | Time |\n| --- | --- |', '| Method |  | Time |\n| --- | --- | --- |')
        .replace('| Card |', '| Card |  |')
        .replace('| PayPal |', '| PayPal |  |'),
    );
    const rows = [
      ['Method', '', 'Time'],
      ['Card', '', '5–10 days'],
      ['PayPal', '', '1–2 days'],
    ];
    expect(gfmTable(saved)).toEqual(rows);
    expect(readBack(saved)).toEqual(rows);
    expect(saved.startsWith('Refunds by method:\n\n|')).toBe(true);
    expect(saved.endsWith('|\n\nAfter the table.\n')).toBe(true);
  });

  it('adds a column before the header cell and names it', () => {
    const { editor: e, markdown } = open();
    runTableAction(inCell(e, 'Method'), 'addColumnBefore');
    typeHere(atCell(e, 0, 0), 'Region');
    const saved = markdown.toMarkdown();
    expect(gfmTable(saved)).toEqual([
      ['Region', 'Method', 'Time'],
      ['', 'Card', '5–10 days'],
      ['', 'PayPal', '1–2 days'],
    ]);
    expect(readBack(saved)[0]).toEqual(['Region', 'Method', 'Time']);
  });

  it('deletes a column', () => {
    const { editor: e, markdown } = open();
    runTableAction(inCell(e, '1–2 days'), 'deleteColumn');
    const saved = markdown.toMarkdown();
    expect(saved).toBe('Refunds by method:\n\n| Method |\n| --- |\n| Card |\n| PayPal |\n\nAfter the table.\n');
    expect(readBack(saved)).toEqual([['Method'], ['Card'], ['PayPal']]);
  });

  it('keeps the cells as written when a column is added: emphasis, escaped pipes, alignment', () => {
    const written = '| Method | Time |\n| :-- | --: |\n| _Card_ | 5 \\| 10 days |\n| PayPal | 1–2 days |\n';
    const { editor: e, markdown } = open(written);
    runTableAction(inCell(e, 'PayPal'), 'addColumnAfter');
    const saved = markdown.toMarkdown();
    expect(saved).toBe(
      '| Method |  | Time |\n| :--- | --- | ---: |\n| _Card_ |  | 5 \\| 10 days |\n| PayPal |  | 1–2 days |\n',
    );
    expect(readBack(saved)).toEqual([
      ['Method', '', 'Time'],
      ['Card', '', '5 | 10 days'],
      ['PayPal', '', '1–2 days'],
    ]);
  });

  it('writes a table with aligned columns anew, aligned, when a column is deleted', () => {
    const aligned = '| Method | Time      |\n| ------ | --------- |\n| Card   | 5–10 days |\n';
    const { editor: e, markdown } = open(aligned);
    runTableAction(inCell(e, 'Card'), 'deleteColumn');
    expect(markdown.toMarkdown()).toBe('| Time      |\n| --------- |\n| 5–10 days |\n');
  });

  it('adds a row below and above: only the new rows are new lines once they have text', () => {
    const { editor: e, markdown } = open();
    runTableAction(inCell(e, 'Card'), 'addRowAfter');
    expect(markdown.toMarkdown()).toBe(source);
    typeHere(atCell(e, 2, 0), 'Alipay');
    runTableAction(inCell(e, 'PayPal'), 'addRowBefore');
    typeHere(atCell(e, 3, 0), 'Bank transfer');
    expect(markdown.toMarkdown()).toBe(source.replace('| PayPal |', '| Alipay |  |\n| Bank transfer |  |\n| PayPal |'));
    gfmTable(markdown.toMarkdown());
  });

  it('deletes a row, only its line', () => {
    const { editor: e, markdown } = open();
    runTableAction(inCell(e, 'Card'), 'deleteRow');
    expect(markdown.toMarkdown()).toBe(source.replace('| Card | 5–10 days |\n', ''));
  });

  it('offers no row above the header row and no deleting it, and nothing outside a table', () => {
    const { editor: e } = open();
    expect(availableTableActions(inCell(e, 'Time'))).toEqual({
      addColumnBefore: true,
      addColumnAfter: true,
      deleteColumn: true,
      addRowBefore: false,
      addRowAfter: true,
      deleteRow: false,
    });
    expect(Object.values(availableTableActions(inCell(e, 'Card'))).every(Boolean)).toBe(true);
    expect(runTableAction(inCell(e, 'Method'), 'deleteRow')).toBe(false);
    e.commands.setTextSelection(3);
    expect(Object.values(availableTableActions(e)).some(Boolean)).toBe(false);
  });
});
