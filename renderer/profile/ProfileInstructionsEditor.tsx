import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { EditorToolbar } from '../editor/EditorToolbar';
import { editorExtensions } from '../editor/editorExtensions';
import { useProfileStore } from './useProfileStore';

/** The profile's Markdown instructions in the same rich editor as articles, without article images. */
export function ProfileInstructionsEditor() {
  const { t } = useTranslation();
  const revision = useProfileStore((s) => s.revision);
  const setInstructions = useProfileStore((s) => s.setInstructions);
  const editor = useEditor({
    extensions: editorExtensions,
    content: useProfileStore.getState().instructions,
    contentType: 'markdown',
    immediatelyRender: true,
    editorProps: {
      attributes: {
        class: 'prose',
        'aria-label': t('profile.instructions.title'),
        'data-testid': 'profile-instructions',
      },
    },
    onUpdate: ({ editor: e }) => setInstructions(e.getMarkdown()),
  });
  useEffect(() => {
    if (!editor) return;
    const instructions = useProfileStore.getState().instructions;
    if (editor.getMarkdown() !== instructions)
      editor.commands.setContent(instructions, { contentType: 'markdown', emitUpdate: false });
  }, [editor, revision]);
  if (!editor) return null;
  return (
    <div className="rich-text">
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}
