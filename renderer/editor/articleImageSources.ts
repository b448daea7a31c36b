import { call } from '../api/client';
import { showError } from '../stores/useToastStore';
import { useEditorStore } from '../stores/useEditorStore';

const cache = new Map<string, Promise<string>>();

/** A data URL for an image in the workspace's assets, fetched once per link. */
export function resolveAssetSrc(src: string): Promise<string> {
  let pending = cache.get(src);
  if (!pending) {
    pending = call('assets.read', { src }).then((res) => {
      if (res.ok) return res.data.dataUrl;
      cache.delete(src);
      throw new Error(res.error.message);
    });
    cache.set(src, pending);
  }
  return pending;
}

function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** Store a pasted or dropped image with the open article and return the link to put in its text. */
export async function uploadArticleImage(file: File): Promise<string> {
  const articleId = useEditorStore.getState().article?.id;
  if (!articleId) throw new Error('Open an article before adding images.');
  const res = await call('assets.add', { articleId, name: file.name || 'pasted.png', data: await base64(file) });
  if (!res.ok) {
    showError(res.error);
    throw new Error(res.error.message);
  }
  return res.data.src;
}
