import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { editorExtensions } from './editorExtensions';
import { losslessMarkdown } from './losslessMarkdown';
import { applyLink, articleHref, articleIdOf, removeLink } from './articleLink';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

function open(markdown: string) {
  editor = new Editor({ extensions: editorExtensions, content: markdown, contentType: 'markdown' });
  return { editor, markdown: losslessMarkdown(editor, markdown) };
}

/** The document position just after the first occurrence of `text`. */
function after(e: Editor, text: string): number {
  let at = -1;
  e.state.doc.descendants((node, pos) => {
    const i = node.isText ? node.text!.indexOf(text) : -1;
    if (at < 0 && i >= 0) at = pos + i + text.length;
  });
  return at;
}

describe('article links', () => {
  it('are the article file, relative, as imported and drafted links are', () => {
    expect(articleHref('refund-policy')).toBe('refund-policy.md');
    expect(articleIdOf('refund-policy.md')).toBe('refund-policy');
    expect(articleIdOf('./zh-exchange.md#步骤')).toBe('zh-exchange');
    expect(articleIdOf('https://example.com/a.md')).toBeUndefined();
    expect(articleIdOf('../other/a.md')).toBeUndefined();
  });

  it('links the selected words, changing only their line', () => {
    const source = '# Returns\n\nRead the refund policy first.\n\nThen pack the item.\n';
    const { editor: e, markdown } = open(source);
    const end = after(e, 'the refund policy');
    e.commands.setTextSelection({ from: end - 'refund policy'.length, to: end });
    applyLink(e, articleHref('refund-policy'), 'Refund policy');
    expect(markdown.toMarkdown()).toBe(source.replace('refund policy', '[refund policy](refund-policy.md)'));
  });

  it('inserts the title as the link when nothing is selected, and typing on is not linked', () => {
    const { editor: e, markdown } = open('Also read .\n');
    e.commands.setTextSelection(after(e, 'Also read '));
    applyLink(e, articleHref('exchanges'), 'Exchanges');
    e.commands.command(({ tr }) => !!tr.insertText(' today'));
    expect(markdown.toMarkdown()).toBe('Also read [Exchanges](exchanges.md) today.\n');
  });

  it('changes and removes the link under the cursor', () => {
    const source = 'Read [the policy](refund-policy.md) now.\n';
    const { editor: e, markdown } = open(source);
    e.commands.setTextSelection(after(e, 'the po'));
    expect(e.getAttributes('link').href).toBe('refund-policy.md');
    applyLink(e, 'https://example.com/refunds', 'unused');
    expect(markdown.toMarkdown()).toBe('Read [the policy](https://example.com/refunds) now.\n');
    removeLink(e);
    expect(markdown.toMarkdown()).toBe('Read the policy now.\n');
  });
});
