import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export interface LinkShortcutOptions {
  /**
   * Called on Mod-K in the editor: open the link editor.
   * @default () => undefined
   */
  onOpen: () => void;
}

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Whether a key press is Ctrl+K (Cmd+K on a Mac), nothing else held. */
export function isLinkShortcut(event: KeyPress): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

/** The plugin that calls `onOpen` on Mod-K and keeps the key press to itself. */
export function linkShortcutPlugin(onOpen: () => void): Plugin {
  return new Plugin({
    key: new PluginKey('linkShortcut'),
    props: {
      handleKeyDown: (_view, event) => {
        if (!isLinkShortcut(event)) return false;
        // A plugin, not addKeyboardShortcuts: the studio's window-wide Ctrl+K (quick open) must not see it.
        event.stopPropagation();
        onOpen();
        return true;
      },
    },
  });
}

/** Mod-K opens the link editor (a callback, so the extension knows nothing of the UI). */
export const LinkShortcut = Extension.create<LinkShortcutOptions>({
  name: 'linkShortcut',
  addOptions() {
    return { onOpen: () => undefined };
  },
  addProseMirrorPlugins() {
    return [linkShortcutPlugin(() => this.options.onOpen())];
  },
});
