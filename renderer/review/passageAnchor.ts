import type { RouteInput } from '../../main/api/contract';

export type PassageAnchor = NonNullable<RouteInput<'review.comment'>['anchor']>;

const contextChars = 40;

/** The selected passage inside `container` as a comment anchor: the quote with a little text on each side. */
export function passageAnchor(container: HTMLElement, selection: Selection | null): PassageAnchor | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const quote = selection.toString().replace(/\s+/g, ' ').trim().slice(0, 2000);
  if (!quote) return null;
  const text = (container.textContent ?? '').replace(/\s+/g, ' ');
  const at = text.indexOf(quote);
  if (at < 0) return { quote };
  const prefix = text.slice(Math.max(0, at - contextChars), at);
  const suffix = text.slice(at + quote.length, at + quote.length + contextChars);
  return { quote, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}
