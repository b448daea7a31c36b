import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEditorStore } from '../stores/useEditorStore';
import { EditorToolbar } from './EditorToolbar';
import { editorExtensions } from './editorExtensions';
import { ArticleImage } from './extensions/articleImage';
import { LinkShortcut } from './extensions/linkShortcut';
import { resolveAssetSrc, uploadArticleImage } from './articleImageSources';
import { losslessMarkdown, type LosslessMarkdown } from './losslessMarkdown';

const extensions = [
  ...editorExtensions,
  ArticleImage.configure({ resolveSrc: resolveAssetSrc, upload: uploadArticleImage }),
];

/**
 * Tiptap over the article's Markdown body; every change goes to the editor store for autosave.
 * The body saved is the loaded Markdown with only the edited blocks written anew (losslessMarkdown.ts).
 */
export function RichTextEditor() {
  const revision = useEditorStore((s) => s.revision);
  const edit = useEditorStore((s) => s.edit);
  // The Markdown the editor was loaded with and the document it made of it: taken before the first
  // change (`loadedDoc`), and again whenever the body is replaced from outside.
  const lossless = useRef<{ editor: Editor; markdown: LosslessMarkdown } | null>(null);
  const loaded = (e: Editor, loadedDoc?: PmNode) => {
    if (lossless.current?.editor !== e)
      lossless.current = { editor: e, markdown: losslessMarkdown(e, useEditorStore.getState().body, loadedDoc) };
    return lossless.current.markdown;
  };
  const [linkOpen, setLinkOpen] = useState(false);
  const [withShortcuts] = useState(() => [...extensions, LinkShortcut.configure({ onOpen: () => setLinkOpen(true) })]);
  const editor = useEditor({
    extensions: withShortcuts,
    content: useEditorStore.getState().body,
    contentType: 'markdown',
    immediatelyRender: true,
    editorProps: { attributes: { class: 'prose', 'aria-label': 'Article text', 'data-testid': 'article-body' } },
    onTransaction: ({ editor: e, transaction }) => void loaded(e, transaction.before),
    onUpdate: ({ editor: e }) => {
      // A change with nothing to save (an empty paragraph, a link's target) leaves the article saved.
      const body = loaded(e).toMarkdown();
      if (body !== useEditorStore.getState().body) edit({ body });
    },
  });
  // The first load always goes through setContent: the editor's initial `content` keeps a lone image
  // line as a bare inline node at the top level (an invalid document every later transaction trips
  // over), where setContent wraps it in a paragraph.
  const settled = useRef<Editor | null>(null);
  useEffect(() => {
    if (!editor) return;
    const body = useEditorStore.getState().body;
    if (settled.current === editor && loaded(editor).toMarkdown() === body) return;
    settled.current = editor;
    editor.commands.setContent(body, { contentType: 'markdown', emitUpdate: false });
    lossless.current = { editor, markdown: losslessMarkdown(editor, body) };
  }, [editor, revision]);
  const focus = useEditorStore((s) => s.focus);
  useEffect(() => {
    if (editor && focus) editor.commands.highlightPassage(focus.text);
  }, [editor, focus, revision]);
  if (!editor) return null;
  return (
    <div className="rich-text">
      <EditorToolbar editor={editor} linkOpen={linkOpen} setLinkOpen={setLinkOpen} />
      <EditorContent editor={editor} />
    </div>
  );
}
