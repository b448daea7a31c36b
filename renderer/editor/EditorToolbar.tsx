import { useCallback, useRef, useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { tableSize } from './editorExtensions';
import { LinkPopover } from './LinkPopover';
import { availableTableActions, runTableAction, tableActions, type TableAction } from './tableTools';
import './editorTools.css';

interface ToolbarButton {
  label: string;
  text: string;
  run: () => void;
  active?: boolean;
  disabled?: boolean;
}

const tableActionText: Record<TableAction, string> = {
  addColumnBefore: '+◧',
  addColumnAfter: '◨+',
  deleteColumn: '−▥',
  addRowBefore: '+⬒',
  addRowAfter: '⬓+',
  deleteRow: '−▤',
};

function Button({ label, text, run, active, disabled }: ToolbarButton) {
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      aria-pressed={active ?? false}
      className={active ? 'active' : ''}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );
}

/**
 * The formatting buttons, the link editor and, while in a table, row and column buttons. Whether the
 * link editor is open may come from the owner (so Mod-K in the editor can open it).
 */
export function EditorToolbar({
  editor,
  linkOpen: linkOpenProp,
  setLinkOpen: setLinkOpenProp,
}: {
  editor: Editor;
  linkOpen?: boolean;
  setLinkOpen?: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const [linkOpenHere, setLinkOpenHere] = useState(false);
  const linkOpen = linkOpenProp ?? linkOpenHere;
  const setLinkOpen = setLinkOpenProp ?? setLinkOpenHere;
  const linkAnchor = useRef<HTMLSpanElement>(null);
  const closeLink = useCallback(() => setLinkOpen(false), [setLinkOpen]);
  const is = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      codeBlock: e.isActive('codeBlock'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
      table: availableTableActions(e),
    }),
  });
  const chain = () => editor.chain().focus();
  const buttons: ToolbarButton[] = [
    { label: t('editor.bold'), text: 'B', run: () => chain().toggleBold().run(), active: is.bold },
    { label: t('editor.italic'), text: 'I', run: () => chain().toggleItalic().run(), active: is.italic },
    {
      label: `${t('editor.heading')} 2`,
      text: 'H2',
      run: () => chain().toggleHeading({ level: 2 }).run(),
      active: is.h2,
    },
    {
      label: `${t('editor.heading')} 3`,
      text: 'H3',
      run: () => chain().toggleHeading({ level: 3 }).run(),
      active: is.h3,
    },
    {
      label: t('editor.bulletList'),
      text: '•',
      run: () => chain().toggleBulletList().run(),
      active: is.bulletList,
    },
    {
      label: t('editor.orderedList'),
      text: '1.',
      run: () => chain().toggleOrderedList().run(),
      active: is.orderedList,
    },
    { label: t('editor.quote'), text: '❝', run: () => chain().toggleBlockquote().run(), active: is.blockquote },
    { label: t('editor.code'), text: '</>', run: () => chain().toggleCodeBlock().run(), active: is.codeBlock },
    { label: t('editor.table'), text: '▦', run: () => chain().insertTable(tableSize).run() },
  ];
  return (
    <div className="toolbar" role="toolbar">
      {buttons.map((b) => (
        <Button key={b.label} {...b} />
      ))}
      <span className="link-anchor" ref={linkAnchor}>
        <button
          type="button"
          title={`${t('editor.link')} (Ctrl+K)`}
          aria-label={t('editor.link')}
          aria-pressed={is.link}
          aria-expanded={linkOpen}
          aria-haspopup="dialog"
          className={is.link ? 'active' : ''}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setLinkOpen(!linkOpen)}
        >
          {t('editor.link')}
        </button>
        {linkOpen && <LinkPopover editor={editor} anchor={linkAnchor} onClose={closeLink} />}
      </span>
      {is.inTable && (
        <span className="table-tools" role="group" aria-label={t('editor.tableTools')}>
          {tableActions.map((action) => (
            <Button
              key={action}
              label={t(`editor.${action}`)}
              text={tableActionText[action]}
              disabled={!is.table[action]}
              run={() => runTableAction(editor, action)}
            />
          ))}
        </span>
      )}
    </div>
  );
}
