import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { importPaths } from './importPaths.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let site: string;
beforeEach(async () => {
  ctx = await tempWorkspace();
  site = path.join(ctx.dir, 'helpsite');
  await mkdir(path.join(site, 'help'), { recursive: true });
  await writeFile(path.join(site, '_config.yml'), 'title: Help\n');
  await writeFile(
    path.join(site, 'billing.md'),
    '---\ntitle: Billing\npermalink: /article/billing/\n---\n\nInvoices are PDFs.\n',
  );
  await writeFile(path.join(site, 'guide.md'), '---\ntitle: Guide\n---\n\nStart here.\n');
  await writeFile(
    path.join(site, 'help', 'refunds.md'),
    '---\ntitle: Refunds\n---\n\nSee [Billing]({{ site.baseurl }}/article/billing/) and [the guide](../guide.md).\n',
  );
});
afterEach(() => ctx.cleanup());

describe('importing one folder of a site again', () => {
  it('keeps its links to pages outside the folder and changes nothing the whole-site import made', async () => {
    const whole = await importPaths(ctx.store, [site]);
    expect(whole.failed).toEqual([]);
    const before = await ctx.store.get('refunds');
    expect(before.body).toContain('[Billing](billing.md)');
    expect(before.body).toContain('[the guide](guide.md)');

    const again = await importPaths(ctx.store, [path.join(site, 'help')]);
    expect(again.failed).toEqual([]);
    expect(again.imported.map((a) => [a.id, a.status])).toEqual([['refunds', 'unchanged']]);
    expect((await ctx.store.get('refunds')).body).toBe(before.body);
  });
});

describe('links between pages whose ids collide', () => {
  it('point at the page the link names, whatever ids the pages took', async () => {
    const hugo = path.join(ctx.dir, 'hugosite');
    await mkdir(path.join(hugo, 'content/m'), { recursive: true });
    await writeFile(path.join(hugo, 'hugo.toml'), 'title = "x"\n');
    await writeFile(
      path.join(hugo, 'content/m/color-balance-rgb.md'),
      '---\ntitle: color balance rgb\nid: color-balance\n---\n\nRGB.\n',
    );
    await writeFile(
      path.join(hugo, 'content/m/color-balance.md'),
      '---\ntitle: color balance\nid: color-balance\n---\n\nOld.\n',
    );
    await writeFile(
      path.join(hugo, 'content/m/agx.md'),
      '---\ntitle: agx\n---\n\nUse [rgb](./color-balance-rgb.md) or [old](color-balance.md#how).\n',
    );
    const report = await importPaths(ctx.store, [hugo]);
    const idOf = (file: string) => report.imported.find((a) => a.source.endsWith(file))!.id;
    expect(idOf('color-balance-rgb.md')).not.toBe(idOf('/color-balance.md'));
    const body = (await ctx.store.get(idOf('agx.md'))).body;
    expect(body).toContain(`[rgb](${idOf('color-balance-rgb.md')}.md)`);
    expect(body).toContain(`[old](${idOf('/color-balance.md')}.md#how)`);
  });
});

describe('links to headings with their own ids', () => {
  it('follow the heading to the anchor it has once the id is gone', async () => {
    const vp = path.join(ctx.dir, 'vp');
    await mkdir(path.join(vp, '.vitepress'), { recursive: true });
    await mkdir(path.join(vp, 'guide'), { recursive: true });
    await writeFile(path.join(vp, '.vitepress/config.mts'), 'export default {}\n');
    await writeFile(
      path.join(vp, 'guide/start.md'),
      '# 开始\n\n## 在线试用 Vite {#trying-vite-online}\n\n打开浏览器。见[上文](#trying-vite-online)。\n',
    );
    await writeFile(
      path.join(vp, 'blog.md'),
      '# 博客\n\n[在线试用](./guide/start.md#trying-vite-online) and [the page](./guide/start.md#开始)\n',
    );
    const report = await importPaths(ctx.store, [vp]);
    const idOf = (file: string) => report.imported.find((a) => a.source.endsWith(file))!.id;
    const start = (await ctx.store.get(idOf('start.md'))).body;
    expect(start).toContain('## 在线试用 Vite\n');
    expect(start).toContain(`[上文](#在线试用-vite)`);
    // A link to the page's opening title goes to the article itself.
    expect((await ctx.store.get(idOf('blog.md'))).body).toContain(
      `[在线试用](${idOf('start.md')}.md#在线试用-vite) and [the page](${idOf('start.md')}.md)`,
    );
  });
});
