import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { isInTable, selectedRect } from '@tiptap/pm/tables';

export const tableActions = [
  'addColumnBefore',
  'addColumnAfter',
  'deleteColumn',
  'addRowBefore',
  'addRowAfter',
  'deleteRow',
] as const;

export type TableAction = (typeof tableActions)[number];

/** Whether the selected cells include the header row (the first row, of header cells). */
function touchesHeaderRow(state: EditorState): boolean {
  const rect = selectedRect(state);
  return rect.top === 0 && rect.table.firstChild?.firstChild?.type.name === 'tableHeader';
}

/**
 * The table actions that apply at the cursor; none outside a table. A Markdown table has exactly one
 * header row and it comes first, so no row goes above it and it is never deleted.
 */
export function availableTableActions(editor: Editor): Record<TableAction, boolean> {
  const none = Object.fromEntries(tableActions.map((a) => [a, false])) as Record<TableAction, boolean>;
  if (!isInTable(editor.state)) return none;
  const header = touchesHeaderRow(editor.state);
  const can = editor.can();
  return {
    addColumnBefore: can.addColumnBefore(),
    addColumnAfter: can.addColumnAfter(),
    deleteColumn: can.deleteColumn(),
    addRowBefore: !header && can.addRowBefore(),
    addRowAfter: can.addRowAfter(),
    deleteRow: !header && can.deleteRow(),
  };
}

export function runTableAction(editor: Editor, action: TableAction): boolean {
  if (!availableTableActions(editor)[action]) return false;
  return editor.chain().focus()[action]().run();
}
