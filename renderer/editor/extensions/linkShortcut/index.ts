export { LinkShortcut, isLinkShortcut, linkShortcutPlugin } from './linkShortcut';
export type { LinkShortcutOptions } from './linkShortcut';
