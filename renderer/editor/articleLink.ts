import type { Editor } from '@tiptap/core';

/** The href of a link to another article, as the workspace writes them: its file, relative (`refund-policy.md`). */
export function articleHref(id: string): string {
  return `${id}.md`;
}

/** The article an href points at (`id.md`, `./id.md`, `id.md#part`), else undefined. */
export function articleIdOf(href: string | undefined): string | undefined {
  return /^(?:\.\/)?([\p{L}\p{N}][\p{L}\p{N}_.-]*)\.md(?:#.*)?$/u.exec(href ?? '')?.[1];
}

/**
 * Link the selection to `href`; with nothing selected, the link under the cursor, else insert `text`
 * as a new link (and type on after it unlinked).
 */
export function applyLink(editor: Editor, href: string, text: string): boolean {
  const chain = editor.chain().focus();
  if (!editor.state.selection.empty) return chain.setLink({ href }).run();
  if (editor.isActive('link')) return chain.extendMarkRange('link').setLink({ href }).run();
  return chain
    .insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] })
    .unsetMark('link')
    .run();
}

/** Remove the link under the cursor or in the selection. */
export function removeLink(editor: Editor): boolean {
  return editor.chain().focus().extendMarkRange('link').unsetLink().run();
}
