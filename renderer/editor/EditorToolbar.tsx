import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { isSafeUrl, tableSize } from './editorExtensions';

export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const chain = () => editor.chain().focus();
  const buttons: { label: string; text: string; run: () => void; active?: boolean }[] = [
    { label: t('editor.bold'), text: 'B', run: () => chain().toggleBold().run(), active: editor.isActive('bold') },
    {
      label: t('editor.italic'),
      text: 'I',
      run: () => chain().toggleItalic().run(),
      active: editor.isActive('italic'),
    },
    {
      label: `${t('editor.heading')} 2`,
      text: 'H2',
      run: () => chain().toggleHeading({ level: 2 }).run(),
      active: editor.isActive('heading', { level: 2 }),
    },
    {
      label: `${t('editor.heading')} 3`,
      text: 'H3',
      run: () => chain().toggleHeading({ level: 3 }).run(),
      active: editor.isActive('heading', { level: 3 }),
    },
    {
      label: t('editor.bulletList'),
      text: '•',
      run: () => chain().toggleBulletList().run(),
      active: editor.isActive('bulletList'),
    },
    {
      label: t('editor.orderedList'),
      text: '1.',
      run: () => chain().toggleOrderedList().run(),
      active: editor.isActive('orderedList'),
    },
    {
      label: t('editor.quote'),
      text: '❝',
      run: () => chain().toggleBlockquote().run(),
      active: editor.isActive('blockquote'),
    },
    {
      label: t('editor.code'),
      text: '</>',
      run: () => chain().toggleCodeBlock().run(),
      active: editor.isActive('codeBlock'),
    },
    {
      label: t('editor.table'),
      text: '▦',
      run: () => chain().insertTable(tableSize).run(),
    },
    {
      label: t('editor.link'),
      text: t('editor.link'),
      active: editor.isActive('link'),
      run: () => {
        const url = window.prompt(t('editor.linkPrompt'), editor.getAttributes('link').href as string | undefined);
        if (url === null) return;
        if (!url) chain().unsetLink().run();
        else if (isSafeUrl(url)) chain().extendMarkRange('link').setLink({ href: url }).run();
      },
    },
  ];
  return (
    <div className="toolbar" role="toolbar">
      {buttons.map((b) => (
        <button
          key={b.label}
          type="button"
          title={b.label}
          aria-label={b.label}
          aria-pressed={b.active ?? false}
          className={b.active ? 'active' : ''}
          onMouseDown={(e) => e.preventDefault()}
          onClick={b.run}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}
