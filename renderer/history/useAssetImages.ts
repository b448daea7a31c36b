import { useCallback } from 'react';
import { resolveAssetSrc } from '../editor/articleImageSources';

const isRemote = (src: string) => /^(https?:|data:|blob:)/i.test(src);

/** Block HTML with links to workspace images moved to `data-asset-src`, so the page never fetches them as URLs. */
export function deferAssetImages(html: string): string {
  if (!html.includes('<img')) return html;
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const img of template.content.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!src || isRemote(src)) continue;
    img.removeAttribute('src');
    img.dataset.assetSrc = src;
  }
  return template.innerHTML;
}

function load(root: HTMLElement) {
  for (const img of root.querySelectorAll<HTMLImageElement>('img[data-asset-src]:not([data-asset-state])')) {
    const src = img.dataset.assetSrc!;
    img.dataset.assetState = 'loading';
    resolveAssetSrc(src).then(
      (url) => {
        if (img.dataset.assetSrc !== src) return;
        img.src = url;
        img.dataset.assetState = 'loaded';
      },
      () => {
        img.dataset.assetState = 'missing';
        img.classList.add('image-missing');
      },
    );
  }
}

/** A ref callback that shows the workspace images inside its element (as the editor does), including later ones. */
export function useAssetImages(): (root: HTMLElement | null) => (() => void) | undefined {
  return useCallback((root: HTMLElement | null) => {
    if (!root) return undefined;
    load(root);
    const observer = new MutationObserver(() => load(root));
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
