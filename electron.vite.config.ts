import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { buildContentSecurityPolicy } from './main/api/contentSecurityPolicy';

/** Put the core's CSP into index.html as a <meta>, so a file:// load in Electron carries the same policy. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'almanac:content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const devServer = ctx.server?.resolvedUrls?.local[0]?.replace(/\/$/, '');
        // In dev, React's refresh preamble is an inline script: allow exactly that script by its hash.
        const scriptHashes = ctx.server
          ? [...html.matchAll(/<script[^>]*>([^<]+)<\/script>/g)].map(
              (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
            )
          : [];
        const content = buildContentSecurityPolicy({ meta: true, devServer, scriptHashes });
        return {
          html,
          tags: [
            { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' },
          ],
        };
      },
    },
  };
}

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/electron',
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'electron/main.ts'),
          embeddingWorker: resolve(__dirname, 'main/embedding/embeddingWorker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
