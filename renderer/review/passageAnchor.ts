import type { RouteInput } from '../../main/api/index.js';

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

const letters = (text: string) => text.replace(/\s+/g, '');

/** Where a comment's passage is in `container`, matched on its letters (whitespace aside) and its context. */
export function findPassage(container: HTMLElement, anchor: PassageAnchor): Range | null {
  const quote = letters(anchor.quote);
  if (!quote) return null;
  const nodes: Text[] = [];
  const offsets: number[] = [];
  let text = '';
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      if (/\s/.test(data[i]!)) continue;
      text += data[i];
      nodes.push(node);
      offsets.push(i);
    }
  }
  const prefix = letters(anchor.prefix ?? '');
  const suffix = letters(anchor.suffix ?? '');
  let best = -1;
  let bestScore = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const score =
      (prefix && text.slice(0, at).endsWith(prefix) ? 1 : 0) +
      (suffix && text.slice(at + quote.length).startsWith(suffix) ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  if (best < 0) return null;
  const end = best + quote.length - 1;
  const range = document.createRange();
  range.setStart(nodes[best]!, offsets[best]!);
  range.setEnd(nodes[end]!, offsets[end]! + 1);
  return range;
}
