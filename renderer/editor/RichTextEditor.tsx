import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEditorStore } from '../stores/useEditorStore';
import { EditorToolbar } from './EditorToolbar';
import { editorExtensions } from './editorExtensions';
import { ArticleImage } from './extensions/articleImage';
import { resolveAssetSrc, uploadArticleImage } from './articleImageSources';

const extensions = [
  ...editorExtensions,
  ArticleImage.configure({ resolveSrc: resolveAssetSrc, upload: uploadArticleImage }),
];

/** Tiptap over the article's Markdown body; every change goes to the editor store for autosave. */
export function RichTextEditor() {
  const revision = useEditorStore((s) => s.revision);
  const edit = useEditorStore((s) => s.edit);
  const editor = useEditor({
    extensions,
    content: useEditorStore.getState().body,
    contentType: 'markdown',
    immediatelyRender: true,
    editorProps: { attributes: { class: 'prose', 'aria-label': 'Article text', 'data-testid': 'article-body' } },
    onUpdate: ({ editor: e }) => edit({ body: e.getMarkdown() }),
  });
  useEffect(() => {
    if (!editor) return;
    const body = useEditorStore.getState().body;
    if (editor.getMarkdown() !== body) editor.commands.setContent(body, { contentType: 'markdown', emitUpdate: false });
  }, [editor, revision]);
  const focus = useEditorStore((s) => s.focus);
  useEffect(() => {
    if (editor && focus) editor.commands.highlightPassage(focus.text);
  }, [editor, focus, revision]);
  if (!editor) return null;
  return (
    <div className="rich-text">
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}
