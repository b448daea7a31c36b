import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectGenerator } from './detectGenerator.js';

const sites = path.resolve(import.meta.dirname, '../../tests/fixtures/sites');

describe('detectGenerator on fixture sites', () => {
  it.each([
    ['jekyll', 'jekyll'],
    ['vitepress-zh', 'vitepress'],
    ['hugo', 'hugo'],
    ['docusaurus', 'docusaurus'],
    ['mkdocs', 'mkdocs'],
  ] as const)('detects %s at its root', async (site, generator) => {
    const root = path.join(sites, site);
    expect(await detectGenerator(root, sites)).toEqual({ generator, root });
  });

  it.each([
    ['jekyll', 'guide'],
    ['vitepress-zh', 'guide'],
    ['hugo', 'content/docs'],
    ['docusaurus', 'docs/billing'],
    ['mkdocs', 'docs/account'],
  ])('walks up from %s/%s to the site root', async (site, sub) => {
    const found = await detectGenerator(path.join(sites, site, sub), sites);
    expect(found?.root).toBe(path.join(sites, site));
  });

  it('starts from a file’s folder when given a file', async () => {
    const found = await detectGenerator(path.join(sites, 'jekyll', 'config', 'index.md'));
    expect(found).toEqual({ generator: 'jekyll', root: path.join(sites, 'jekyll') });
  });
});

describe('detectGenerator in a temp folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'almanac-detect-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('does not look above stopAt', async () => {
    await writeFile(path.join(dir, '_config.yml'), 'title: x\n');
    const inner = path.join(dir, 'site', 'pages');
    await mkdir(inner, { recursive: true });
    expect(await detectGenerator(inner, path.join(dir, 'site'))).toBeUndefined();
    expect(await detectGenerator(inner, dir)).toEqual({ generator: 'jekyll', root: dir });
  });

  it('needs a content folder beside config.toml to call it Hugo', async () => {
    await writeFile(path.join(dir, 'config.toml'), 'title = "x"\n');
    expect(await detectGenerator(dir, dir)).toBeUndefined();
    await mkdir(path.join(dir, 'content'));
    expect(await detectGenerator(dir, dir)).toEqual({ generator: 'hugo', root: dir });
  });

  it('prefers the nearest config and VitePress over a stray _config.yml', async () => {
    await writeFile(path.join(dir, 'mkdocs.yml'), 'site_name: x\n');
    const docs = path.join(dir, 'docs');
    await mkdir(path.join(docs, '.vitepress'), { recursive: true });
    await writeFile(path.join(docs, '_config.yml'), 'title: x\n');
    expect(await detectGenerator(docs, dir)).toEqual({ generator: 'vitepress', root: docs });
    expect(await detectGenerator(dir, dir)).toEqual({ generator: 'mkdocs', root: dir });
  });

  it('returns undefined for a plain folder', async () => {
    await writeFile(path.join(dir, 'README.md'), '# Hi\n');
    expect(await detectGenerator(dir, dir)).toBeUndefined();
  });
});
