import type { Editor, JSONContent } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { withEscaping } from './markdownEscaping';
import { PreservedMarkdown, type MarkdownCodec } from './preserveMarkdown';

/** The editor's own Markdown reader and writer, as {@link PreservedMarkdown} uses them. */
export function editorCodec(editor: Editor): MarkdownCodec {
  const manager = editor.markdown;
  if (!manager) throw new Error('The editor has no Markdown extension');
  return {
    lex: (markdown) => manager.instance.lexer(markdown, manager.instance.defaults),
    parse: (markdown) =>
      (manager.parse(markdown).content ?? []).map((node) => editor.schema.nodeFromJSON(node).toJSON() as JSONContent),
    render: (nodes, index, escaping) =>
      withEscaping(manager, escaping, () =>
        manager.renderNodeToMarkdown(nodes[index]!, { type: 'doc', content: nodes }, index, 0),
      ),
  };
}

export interface LosslessMarkdown {
  /** The document as Markdown: the loaded text, with only what was edited since written anew. */
  toMarkdown(): string;
}

/**
 * Remember the Markdown an editor was loaded with. `loaded` is the document the editor made of it
 * (by default its document now, so create this before any edit).
 */
export function losslessMarkdown(
  editor: Editor,
  markdown: string,
  loaded: PmNode = editor.state.doc,
): LosslessMarkdown {
  const baseNodes = (loaded.toJSON() as JSONContent).content ?? [];
  const preserved = new PreservedMarkdown(markdown, baseNodes, editorCodec(editor));
  return { toMarkdown: () => preserved.toMarkdown(editor.getJSON().content ?? []) };
}
