import { useEffect } from 'react';

/** Ctrl/Cmd+S: save version; Ctrl/Cmd+P or K: quick open; Ctrl/Cmd+N: new article. */
export function useShortcuts(actions: {
  saveVersion: () => void;
  quickOpen: () => void;
  newArticle: () => void;
}): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 's') actions.saveVersion();
      else if (key === 'p' || key === 'k') actions.quickOpen();
      else if (key === 'n' && e.shiftKey === false) actions.newArticle();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
