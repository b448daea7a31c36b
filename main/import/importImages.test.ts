import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import fs from 'node:fs';
import git from 'isomorphic-git';
import { commitArticles } from '../versions/index.js';
import { importPaths } from './importPaths.js';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let site: string;
beforeEach(async () => {
  ctx = await tempWorkspace();
  site = path.join(ctx.dir, 'help');
  await mkdir(path.join(site, 'articles'), { recursive: true });
  await mkdir(path.join(site, 'images'), { recursive: true });
  await writeFile(path.join(site, 'images/login.png'), png);
  await writeFile(path.join(site, 'images/menu bar.png'), png);
  await writeFile(path.join(site, 'articles/shot.png'), png);
});
afterEach(() => ctx.cleanup());

describe('importing images', () => {
  it('copies local screenshots into assets/<article>/, rewrites links, and reports a missing one', async () => {
    await writeFile(
      path.join(site, 'articles/sign-in.md'),
      [
        '# Sign in',
        '',
        '![The login form](../images/login.png)',
        '',
        'Open the menu: ![Menu](<../images/menu bar.png> "The menu")',
        '',
        '![Next to the page](shot.png) and ![gone](../images/missing.png)',
        '',
        '![remote](https://example.com/x.png)',
      ].join('\n'),
    );
    const report = await importPaths(ctx.store, [site]);
    expect(report.failed).toEqual([]);
    const { body } = await ctx.store.get('sign-in');
    expect(body).toContain('![The login form](../assets/sign-in/login.png)');
    expect(body).toContain('![Menu](../assets/sign-in/menu-bar.png "The menu")');
    expect(body).toContain('![Next to the page](../assets/sign-in/shot.png)');
    expect(body).toContain('![remote](https://example.com/x.png)');
    expect((await readdir(path.join(ctx.ws.root, 'assets/sign-in'))).sort()).toEqual([
      'login.png',
      'menu-bar.png',
      'shot.png',
    ]);
    expect(await readFile(path.join(ctx.ws.root, 'assets/sign-in/login.png'))).toEqual(png);
    expect(report.imported[0]!.notes).toEqual(['missing image: ../images/missing.png']);
    const again = await importPaths(ctx.store, [site]);
    expect(again.imported[0]!.status).toBe('unchanged');
  });

  it('versions the images with their article', async () => {
    await writeFile(path.join(site, 'articles/pic.md'), '# Pic\n\n![Login](../images/login.png)\n');
    await importPaths(ctx.store, [site]);
    await commitArticles(ctx.ws, ['pic'], 'Import pic');
    const files = await git.listFiles({ fs, dir: ctx.ws.root, ref: 'HEAD' });
    expect(files).toEqual(expect.arrayContaining(['articles/pic.md', 'assets/pic/login.png']));
  });

  it('never reads an image outside the imported site', async () => {
    await writeFile(path.join(ctx.dir, 'outside.png'), png);
    await writeFile(
      path.join(site, 'articles/escape.md'),
      '# Escape\n\n![x](../../outside.png) ![y](/../../outside.png)\n',
    );
    const report = await importPaths(ctx.store, [path.join(site, 'articles')]);
    expect(report.imported[0]!.notes).toEqual([
      'missing image: ../../outside.png',
      'missing image: /../../outside.png',
    ]);
  });
});

describe('images a generator serves from its own folders', () => {
  it('finds Hugo static/ and Jekyll images/ files that a page names without those prefixes', async () => {
    const hugo = path.join(ctx.dir, 'hugosite');
    await mkdir(path.join(hugo, 'content/docs'), { recursive: true });
    await mkdir(path.join(hugo, 'static/images/screens'), { recursive: true });
    await mkdir(path.join(hugo, 'assets/images'), { recursive: true });
    await writeFile(path.join(hugo, 'hugo.toml'), 'title = "Docs"\n');
    await writeFile(path.join(hugo, 'static/images/screens/export.png'), png);
    await writeFile(path.join(hugo, 'assets/images/logo.png'), png);
    await writeFile(
      path.join(hugo, 'content/docs/export.md'),
      '---\ntitle: Export\n---\n\n{{< figure src="screens/export.png" caption="The export screen" >}}\n\n{% image logo.png %}\n\n![gone](screens/nowhere.png)\n',
    );
    const report = await importPaths(ctx.store, [hugo]);
    expect(report.failed).toEqual([]);
    const notes = report.imported.find((a) => a.id === 'export')?.notes ?? [];
    expect(notes.filter((n) => n.startsWith('missing image'))).toEqual(['missing image: screens/nowhere.png']);
    const body = (await ctx.store.get('export')).body;
    expect(body).toMatch(/!\[The export screen\]\(\.\.\/assets\/export\/export\.png\)/);
    expect(await readdir(path.join(ctx.ws.root, 'assets/export'))).toEqual(expect.arrayContaining(['export.png']));
  });

  it('leaves an image missing when two files are equally likely', async () => {
    const jekyll = path.join(ctx.dir, 'jekyllsite');
    await mkdir(path.join(jekyll, 'images/a'), { recursive: true });
    await mkdir(path.join(jekyll, 'images/b'), { recursive: true });
    await writeFile(path.join(jekyll, '_config.yml'), 'title: Help\n');
    await writeFile(path.join(jekyll, 'images/a/step.png'), png);
    await writeFile(path.join(jekyll, 'images/b/step.png'), png);
    await writeFile(path.join(jekyll, 'images/cli.png'), png);
    await mkdir(path.join(jekyll, 'images/landing'), { recursive: true });
    await writeFile(path.join(jekyll, 'images/landing/cli.png'), png);
    await writeFile(path.join(jekyll, 'page.md'), '---\ntitle: Page\n---\n\n![Step](step.png)\n\n![CLI](cli.png)\n');
    const report = await importPaths(ctx.store, [jekyll]);
    expect(report.imported[0]?.notes).toContain('missing image: step.png');
    // Of images/cli.png and images/landing/cli.png, the one a plugin's `images/` prefix reaches.
    expect(report.imported[0]?.notes).not.toContain('missing image: cli.png');
  });
});
