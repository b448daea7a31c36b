import { useEffect, type RefObject } from 'react';
import { findPassage, type PassageAnchor } from './passageAnchor';

const name = 'review-passage';

/**
 * Highlight the passages that comments are anchored to inside `ref`, through the CSS Custom
 * Highlight API so that React's DOM stays untouched; follows the text as it re-renders.
 */
export function usePassageHighlights(ref: RefObject<HTMLElement | null>, anchors: PassageAnchor[]) {
  useEffect(() => {
    const root = ref.current;
    if (!root || typeof Highlight !== 'function' || !CSS.highlights) return;
    const paint = () => {
      const ranges = anchors.map((a) => findPassage(root, a)).filter((r): r is Range => !!r);
      if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
      else CSS.highlights.delete(name);
    };
    paint();
    const observer = new MutationObserver(paint);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      CSS.highlights.delete(name);
    };
  }, [ref, anchors]);
}
