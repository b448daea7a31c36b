import { afterEach, describe, expect, it } from 'vitest';
import { Editor, type JSONContent } from '@tiptap/core';
import { editorExtensions, tableSize } from './editorExtensions';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

function tableEditor(markdown: string) {
  editor = new Editor({
    extensions: editorExtensions,
    content: markdown,
    contentType: 'markdown',
  });
  return editor;
}

function typeInCell(e: Editor, cell: number, text: string) {
  const positions: number[] = [];
  e.state.doc.descendants((node, pos) => {
    if (node.type.name === 'tableHeader' || node.type.name === 'tableCell') positions.push(pos + 2);
  });
  e.chain().setTextSelection(positions[cell]!).insertContent({ type: 'text', text }).run();
}

describe('the table button', () => {
  it('inserts a header row and one row of two columns', () => {
    const e = tableEditor('Intro.');
    e.chain()
      .setTextSelection(e.state.doc.content.size - 1)
      .insertTable(tableSize)
      .run();
    const table = e.getJSON().content!.find((n) => n.type === 'table') as JSONContent;
    expect(table.content!.map((row) => row.content!.map((cell) => cell.type))).toEqual([
      ['tableHeader', 'tableHeader'],
      ['tableCell', 'tableCell'],
    ]);
    typeInCell(e, 0, 'Zone');
    typeInCell(e, 1, 'Fee');
    typeInCell(e, 2, 'EU');
    typeInCell(e, 3, '5');
    expect(e.getMarkdown()).toBe('Intro.\n\n| Zone | Fee |\n| ---- | --- |\n| EU   | 5   |');
  });

  it('saves no blank rows and no blank lines around a table', () => {
    const e = tableEditor('Before.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n|  |  |\n\nAfter.\n');
    expect(e.getJSON().content!.find((n) => n.type === 'table')!.content).toHaveLength(3);
    expect(e.getMarkdown()).toBe('Before.\n\n| A   | B   |\n| --- | --- |\n| 1   | 2   |\n\nAfter.');
  });

  it('keeps a table whose body is still empty as its header', () => {
    const e = tableEditor('Intro.');
    e.chain()
      .setTextSelection(e.state.doc.content.size - 1)
      .insertTable(tableSize)
      .run();
    typeInCell(e, 0, 'Item');
    expect(e.getMarkdown()).toBe('Intro.\n\n| Item |     |\n| ---- | --- |');
    expect(e.getMarkdown()).not.toMatch(/\n\s*$/);
  });
});
