import { describe, expect, it } from 'vitest';
import type { EditorView } from '@tiptap/pm/view';
import { linkShortcutPlugin } from './linkShortcut';

function press(onOpen: () => void, init: Partial<KeyboardEvent>) {
  let stopped = false;
  const event = {
    key: 'k',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    stopPropagation: () => (stopped = true),
    ...init,
  } as KeyboardEvent;
  const plugin = linkShortcutPlugin(onOpen);
  const handled = plugin.props.handleKeyDown!.call(plugin, {} as EditorView, event) ?? false;
  return { handled, stopped };
}

describe('the link shortcut', () => {
  it('opens the link editor on Ctrl+K and Cmd+K, and keeps the key from the window', () => {
    let opened = 0;
    expect(press(() => opened++, { ctrlKey: true })).toEqual({ handled: true, stopped: true });
    expect(press(() => opened++, { metaKey: true, key: 'K' })).toEqual({ handled: true, stopped: true });
    expect(opened).toBe(2);
  });

  it('leaves other keys alone', () => {
    let opened = 0;
    expect(press(() => opened++, {})).toEqual({ handled: false, stopped: false });
    expect(press(() => opened++, { ctrlKey: true, shiftKey: true }).handled).toBe(false);
    expect(press(() => opened++, { ctrlKey: true, key: 'b' }).handled).toBe(false);
    expect(opened).toBe(0);
  });
});
