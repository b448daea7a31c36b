import Image from '@tiptap/extension-image';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

export interface ArticleImageOptions {
  /**
   * Turn a link stored in the article (e.g. `../assets/id/shot.png`) into a URL the page can show.
   * @default undefined (the link is used as it is)
   */
  resolveSrc?: (src: string) => Promise<string>;
  /**
   * Store an image pasted or dropped into the article; resolves to the link the article keeps.
   * @default undefined (pasted images are ignored)
   */
  upload?: (file: File) => Promise<string>;
}

const isRemote = (src: string) => /^(https?:|data:|blob:)/i.test(src);

function insertUploads(view: EditorView, files: File[], upload: (file: File) => Promise<string>, at?: number) {
  for (const file of files) {
    void upload(file).then((src) => {
      const node = view.state.schema.nodes.image!.create({ src, alt: file.name.replace(/\.[^.]+$/, '') });
      const pos = at ?? view.state.selection.from;
      view.dispatch(view.state.tr.insert(Math.min(pos, view.state.doc.content.size), node));
    });
  }
}

const imageFiles = (list: FileList | null | undefined) => [...(list ?? [])].filter((f) => f.type.startsWith('image/'));

/**
 * Images in articles: links to the workspace's assets are shown through `resolveSrc` while the
 * Markdown keeps the relative link; pasted and dropped image files are stored through `upload`.
 */
export const ArticleImage = Image.extend<
  ArticleImageOptions & {
    inline: boolean;
    allowBase64: boolean;
    HTMLAttributes: Record<string, unknown>;
    resize: false;
  }
>({
  addOptions() {
    return { ...this.parent!(), inline: true, resolveSrc: undefined, upload: undefined };
  },

  addNodeView() {
    const { resolveSrc } = this.options;
    return ({ node }) => {
      const img = document.createElement('img');
      const show = (src: string) => {
        img.alt = node.attrs.alt ?? '';
        if (node.attrs.title) img.title = node.attrs.title;
        img.dataset.src = src;
        if (!src || isRemote(src) || !resolveSrc) img.src = src;
        else
          void resolveSrc(src).then(
            (url) => {
              if (img.dataset.src === src) img.src = url;
            },
            () => img.classList.add('image-missing'),
          );
      };
      show(node.attrs.src ?? '');
      return {
        dom: img,
        update: (next) => {
          if (next.type.name !== 'image') return false;
          if (next.attrs.src !== img.dataset.src) show(next.attrs.src ?? '');
          return true;
        },
      };
    };
  },

  addProseMirrorPlugins() {
    const { upload } = this.options;
    if (!upload) return [];
    return [
      new Plugin({
        key: new PluginKey('articleImageUpload'),
        props: {
          handlePaste: (view, event) => {
            const files = imageFiles(event.clipboardData?.files);
            if (!files.length) return false;
            insertUploads(view, files, upload);
            return true;
          },
          handleDrop: (view, event) => {
            const files = imageFiles(event.dataTransfer?.files);
            if (!files.length) return false;
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
            insertUploads(view, files, upload, at);
            return true;
          },
        },
      }),
    ];
  },
});
