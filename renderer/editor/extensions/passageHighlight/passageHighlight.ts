import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface PassageHighlightOptions {
  /**
   * CSS class of the highlighted passage.
   * @default 'passage-highlight'
   */
  className: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    passageHighlight: {
      /** Highlight the passage whose Markdown source is `markdown` and scroll to it. */
      highlightPassage: (markdown: string) => ReturnType;
      clearPassageHighlight: () => ReturnType;
    };
  }
}

const key = new PluginKey<DecorationSet>('passageHighlight');

/** Markdown source to the letters a reader sees: no syntax, no whitespace. */
export function visibleLetters(markdown: string): string {
  return markdown
    .replace(/^[\s|:-]*-{3,}[\s|:-]*$/gm, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`|~]/g, '')
    .replace(/^\s*:?-{3,}:?\s*$/gm, '')
    .replace(/\s+/g, '');
}

/** Document range of the first occurrence of a passage, matching on visible letters. */
export function findPassage(doc: PmNode, markdown: string): { from: number; to: number } | undefined {
  const letters = visibleLetters(markdown);
  if (!letters) return undefined;
  const chars: string[] = [];
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    [...node.text!].forEach((c, i) => {
      if (/\s/.test(c)) return;
      chars.push(c);
      positions.push(pos + i);
    });
  });
  const text = chars.join('');
  const needle = letters.slice(0, 40);
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  const end = Math.min(positions.length - 1, at + letters.length - 1);
  return { from: positions[at]!, to: positions[end]! + 1 };
}

export const PassageHighlight = Extension.create<PassageHighlightOptions>({
  name: 'passageHighlight',
  addOptions() {
    return { className: 'passage-highlight' };
  },
  addCommands() {
    return {
      highlightPassage:
        (markdown) =>
        ({ tr, dispatch, state }) => {
          const range = findPassage(state.doc, markdown);
          if (!range) return false;
          if (dispatch) {
            const set = DecorationSet.create(state.doc, [
              Decoration.inline(range.from, range.to, { class: this.options.className }),
            ]);
            tr.setMeta(key, set);
            dispatch(tr);
            requestAnimationFrame(() =>
              this.editor.view.dom.querySelector(`.${this.options.className}`)?.scrollIntoView({ block: 'center' }),
            );
          }
          return true;
        },
      clearPassageHighlight:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) dispatch(tr.setMeta(key, DecorationSet.empty));
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => {
            const next = tr.getMeta(key) as DecorationSet | undefined;
            if (next) return next;
            return tr.docChanged ? DecorationSet.empty : set.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
