import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { importPaths } from './importPaths.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ctx = await tempWorkspace();
});
afterEach(() => ctx.cleanup());

async function files(root: string, entries: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(entries)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
}

describe('site navigation and what is not a page', () => {
  it('takes MkDocs nav titles for pages that name themselves nowhere, and skips snippets and files outside docs_dir', async () => {
    const site = path.join(ctx.dir, 'mk');
    await files(site, {
      'mkdocs.yml': [
        'site_name: Wallet',
        'docs_dir: docs',
        'markdown_extensions:',
        '  - pymdownx.emoji:',
        '      emoji_index: !!python/name:material.extensions.emoji.twemoji',
        '  - pymdownx.snippets:',
        '      auto_append:',
        '        - includes/abbreviations.md',
        'nav:',
        '  - Home: index.md',
        '  - Upgrading:',
        '      - "Moving from v5 to v6": upgrade/v5-v6.md',
        '      - upgrade/notes.md',
        '',
      ].join('\n'),
      'docs/index.md': '# Welcome\n\nStart here.\n',
      'docs/upgrade/v5-v6.md': 'Back up your wallet first, then install v6.\n',
      'docs/upgrade/notes.md': 'Release notes are on the blog.\n',
      'includes/abbreviations.md': '*[BTC]: Bitcoin\n',
      'overrides/partial.md': 'Theme partial.\n',
    });
    const report = await importPaths(ctx.store, [site]);
    expect(report.failed).toEqual([]);
    const titles = Object.fromEntries(report.imported.map((a) => [a.source.replace(/^.*\/mk\//, ''), a.title]));
    expect(titles).toEqual({
      'docs/index.md': 'Welcome',
      'docs/upgrade/v5-v6.md': 'Moving from v5 to v6',
      'docs/upgrade/notes.md': 'notes',
    });
    expect(report.skipped?.map((s) => [s.source.replace(/^.*\/mk\//, ''), s.reason])).toEqual([
      ['includes/abbreviations.md', expect.stringMatching(/snippet MkDocs appends to every page/)],
      ['overrides/partial.md', expect.stringMatching(/outside docs_dir "docs"/)],
    ]);
  });

  it('takes VitePress sidebar texts for pages without a title, reading the config without running it', async () => {
    const site = path.join(ctx.dir, 'vp');
    await files(site, {
      '.vitepress/config.mts':
        "export default { themeConfig: { sidebar: [{ text: '同步设置', link: '/sync/setup' }, { link: '/faq/', text: '常见问题' }] } }\n",
      'sync/setup.md': '打开首选项，选择同步。\n',
      'faq/index.md': '## 为什么同步失败\n\n请检查网络。\n',
      'about.md': '# 关于\n\n介绍。\n',
    });
    const report = await importPaths(ctx.store, [site]);
    const titles = Object.fromEntries(report.imported.map((a) => [a.source.replace(/^.*\/vp\//, ''), a.title]));
    expect(titles).toEqual({ 'sync/setup.md': '同步设置', 'faq/index.md': '常见问题', 'about.md': '关于' });
  });

  it('never takes a # comment in a code block for the title', async () => {
    const site = path.join(ctx.dir, 'hugo');
    await files(site, {
      'hugo.toml': 'title = "Docs"\n',
      'content/install.md':
        '---\ndraft: false\n---\n\n```bash\n# install the tool\napt install x\n```\n\n# Installing\n\nText.\n',
    });
    const report = await importPaths(ctx.store, [site]);
    expect(report.imported[0]?.title).toBe('Installing');
  });

  it('skips a section page its site fills from a layout, and links to it or to pages not imported keep their text', async () => {
    const site = path.join(ctx.dir, 'hugo2');
    await files(site, {
      'hugo.toml': 'title = "Docs"\n',
      'content/darkroom/_index.md': '---\ntitle: Darkroom\nweight: 30\n---\n',
      'content/darkroom/masks.md':
        '---\ntitle: Masks\n---\n\nSee the [darkroom](../_index.md), [exposure](exposure.md) and [the API](/api/).\n',
    });
    const report = await importPaths(ctx.store, [site]);
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([
      {
        source: expect.stringContaining('_index.md'),
        reason: expect.stringMatching(/^No text of its own: the site fills this page from its layout/),
      },
    ]);
    const masks = report.imported.find((a) => a.title === 'Masks')!;
    expect((await ctx.store.get(masks.id)).body.trim()).toBe('See the darkroom, exposure and the API.');
    expect(masks.notes).toContain('links to pages not imported kept their text: ../_index.md, exposure.md, /api/');
  });

  it("reads a Jekyll HTML page's front matter as fields and fills {{ page.* }} from it", async () => {
    const site = path.join(ctx.dir, 'jk');
    await files(site, {
      '_config.yml': 'title: Help\n',
      'lost.html':
        '---\nlayout: default\ntitle: Page not found\n---\n<h1>{{ page.title }}</h1>\n<p>Try the search box.</p>\n',
      'moved.md':
        '---\ntitle: Moved\nsummary: Where it went\n---\n\n# {{page.title}}\n\n{{ page.summary }}: see the new guide.\n',
      'tool.html': '<html><body><h1>Key tool</h1><pre>{{ key.b64 }}</pre><script>new Vue({})</script></body></html>\n',
    });
    const report = await importPaths(ctx.store, [site]);
    expect(report.failed).toEqual([]);
    const lost = await ctx.store.get(report.imported.find((a) => a.source.endsWith('lost.html'))!.id);
    expect(lost.title).toBe('Page not found');
    expect(lost.body).toContain('Try the search box.');
    expect(lost.body).not.toMatch(/layout|---|\{\{/);
    // Without front matter Jekyll copies an HTML file as is: a static file (here a script app), not a page.
    expect(report.skipped).toEqual([
      {
        source: expect.stringContaining('tool.html'),
        reason: expect.stringMatching(/static file Jekyll copies as is/),
      },
    ]);
    const moved = await ctx.store.get(report.imported.find((a) => a.source.endsWith('moved.md'))!.id);
    expect(moved.title).toBe('Moved');
    expect(moved.body.trim()).toBe('Where it went: see the new guide.');
  });

  it('skips a data file inside a site, and imports it when it is named on its own', async () => {
    const site = path.join(ctx.dir, 'jk2');
    await files(site, {
      '_config.yml': 'title: Help\n',
      'export.md': '# Export\n\nDownload the sample below.\n',
      'files/sample_export.csv': 'folder,type,name\nwork,login,Mail\n',
      'faq/faq.csv': 'question,answer\nHow long is shipping?,Three days.\n',
    });
    const report = await importPaths(ctx.store, [site]);
    expect(report.failed).toEqual([]);
    expect(report.imported.map((a) => a.title)).toEqual(['Export']);
    expect(report.skipped?.map((s) => s.reason)).toEqual([
      expect.stringMatching(/data file of the jekyll site/),
      expect.stringMatching(/data file of the jekyll site/),
    ]);
    const named = await importPaths(ctx.store, [path.join(site, 'faq/faq.csv')]);
    expect(named.imported.map((a) => a.title)).toEqual(['How long is shipping?']);
  });
});
