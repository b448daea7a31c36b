import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { cleanSiteMarkup, findSiteMarkupResidue, type CleanOptions, type Generator } from './cleanSiteMarkup.js';

const sitesDir = path.resolve(import.meta.dirname, '../../tests/fixtures/sites');

async function pages(site: string): Promise<Map<string, string>> {
  const root = path.join(sitesDir, site);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const result = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    const toml = text.startsWith('+++');
    // The yaml engine accepts the duplicated key one Jekyll page has on purpose.
    const parsed = matter(text, {
      delimiters: toml ? '+++' : '---',
      language: toml ? 'toml' : 'yaml',
      engines: {
        yaml: (s: string) => YAML.parse(s, { uniqueKeys: false }) as object,
        toml: (s: string) => parseToml(s) as object,
      },
    });
    result.set(path.relative(root, file).split(path.sep).join('/'), parsed.content);
  }
  return result;
}

async function cleanSite(site: string, generator: Generator, resolveLink?: CleanOptions['resolveLink']) {
  const cleaned = new Map<string, ReturnType<typeof cleanSiteMarkup>>();
  for (const [page, body] of await pages(site)) cleaned.set(page, cleanSiteMarkup(body, { generator, resolveLink }));
  return cleaned;
}

const clean = (markdown: string, generator: Generator = 'plain', resolveLink?: CleanOptions['resolveLink']) =>
  cleanSiteMarkup(markdown, { generator, resolveLink });

describe('cleanSiteMarkup on fixture sites', () => {
  const sites: [string, Generator, number][] = [
    ['jekyll', 'jekyll', 9],
    ['vitepress-zh', 'vitepress', 5],
    ['hugo', 'hugo', 4],
    ['docusaurus', 'docusaurus', 3],
    ['mkdocs', 'mkdocs', 3],
  ];
  it.each(sites)('%s leaves no site markup outside code', async (site, generator, count) => {
    const cleaned = await cleanSite(site, generator);
    expect(cleaned.size).toBe(count);
    for (const [page, result] of cleaned) {
      expect({ page, residue: findSiteMarkupResidue(result.markdown) }).toEqual({ page, residue: [] });
      expect(result.notes.length).toBeLessThanOrEqual(10);
    }
  });

  it('keeps Jekyll callouts, captions and link text, and resolves site links', async () => {
    const ids: Record<string, string> = { '/article/billing/': 'billing', '/article/refunds/': 'refunds' };
    const site = await cleanSite('jekyll', 'jekyll', (target) => ids[target]);
    const refunds = site.get('refunds.md')!.markdown;
    expect(refunds).toContain('> [!NOTE]\n> Refunds go back to the card or PayPal account you paid with.');
    expect(refunds).toContain('> [!WARNING]\n> **Large refunds**\n> Refunds over **$500** are checked by a team lead');
    expect(refunds).toContain('> [!CAUTION]\n> Never share your card number');
    expect(refunds).toContain('![Find the order in your invoice list](/assets/images/invoice-list.png)');
    expect(refunds).toContain('## Who can get a refund\n');
    expect(refunds).toContain('See also [Billing and invoices](billing.md) and\nthe old returns policy.');
    expect(refunds).toContain('| PayPal         | 1–2 days       |\n\n> [!CAUTION]');
    expect(refunds).not.toContain('capture');

    const shots = site.get('exporting-invoices.md')!.markdown;
    expect(shots).toContain('![The invoice list](/assets/images/invoice-list.png)');
    expect(shots).toContain('![The Download button](/assets/images/download-button.png)');
    expect(shots).toContain('![The export dialog](/assets/images/export-dialog.png)');

    const billing = site.get('billing.md')!;
    expect(billing.markdown).not.toMatch(/TOC/);
    expect(billing.markdown).toContain('American Express and PayPal.\n');
    expect(billing.markdown).toContain('> [!TIP]\n> Bank transfers are available on the **Business** plan only.');
    expect(billing.markdown).toContain('See Exporting invoices\nfor a step-by-step guide, or [refunds](refunds.md) if');
    expect(billing.removed).toBe(0);

    const guide = site.get('guide/index.md')!;
    expect(guide.markdown).toContain('```shell\nnpm install -g @acme/cli\nacme login\n```');
    expect(guide.markdown).toContain('Beta testers can switch on the new dashboard');
    expect(guide.markdown).toContain('[email templates](../config/index.md)');
    expect(guide.notes).toContain('removed unknown include {% include toc.html %}');
    expect(guide.removed).toBeGreaterThanOrEqual(5);

    expect(site.get('contact.md')!.markdown).not.toContain('TODO');
    expect(site.get('index.md')!.markdown).toContain(
      '- [Refunds and returns](refunds.md)\n- [Billing and invoices](billing.md)',
    );
  });

  it('keeps a Liquid tutorial’s code as written', async () => {
    const tutorial = (await cleanSite('jekyll', 'jekyll')).get('config/index.md')!.markdown;
    expect(tutorial).toContain('```liquid\n<h1>{{ page.title }}</h1>\n<p>Thanks for order {{ order.number }}!</p>\n');
    expect(tutorial).toContain('{% if order.refunded %}Your refund is on its way.{% endif %}\n```');
    expect(tutorial).toContain('```html\n<a href="{{ site.baseurl }}/article/refunds/">Refund policy</a>\n```');
    expect(tutorial).toContain('```liquid\n{% comment %}internal note{% endcomment %}\n```');
    expect(tutorial).toContain(
      'Use `{{ page.title }}` for the page title and\n`{{ order.number }}` for the order number.',
    );
  });

  it('converts the Chinese VitePress site', async () => {
    const site = await cleanSite('vitepress-zh', 'vitepress', (t) => (t === '/guide/account' ? 'account' : undefined));
    const start = site.get('guide/getting-started.md')!.markdown;
    expect(start).toContain('# 快速开始\n');
    expect(start).toContain('## 注册账户\n');
    expect(start).toContain('> [!TIP]\n> **小提示**\n> 企业用户可以使用单点登录（SSO），请联系管理员开通。');
    expect(start).toContain(
      '**npm**\n```sh\nnpm install -g @acme/cli\n```\n\n**pnpm**\n```sh\npnpm add -g @acme/cli\n```',
    );
    expect(start).toContain("```ts\nimport { createClient } from '@acme/sdk';");
    expect(start).toContain('[账户设置](account.md)');

    const refunds = site.get('guide/refunds.md')!.markdown;
    expect(refunds).toContain('> [!NOTE]\n> **特殊情况怎么办？**\n> 以下情况需要人工审核：');
    expect(refunds).toContain('> > [!TIP]\n> > **加快审核**\n> > 提交申请时附上订单截图');
    expect(refunds).toContain('![退款按钮的位置](/screenshots/refund.png)');

    const account = site.get('guide/account.md')!;
    expect(account.markdown).not.toMatch(/import|const plans|scoped|\$frontmatter/);
    expect(account.markdown).toContain('新密码至少 12 位。需要验证');
    expect(account.markdown).toContain('最近 30 天的用量图表');
    expect(account.markdown).toContain('升级套餐后，差价按剩余天数折算。');
    expect(account.notes).toContain('removed unknown component <PlanTable>');

    const sdk = site.get('api/sdk.md')!.markdown;
    expect(sdk).toContain(
      '```vue\n<template>\n  <p>订单号：{{ order.id }}</p>\n  <Badge :text="order.status" />\n</template>\n```',
    );
    expect(sdk).toContain('````md\n::: tip 提示\n这是一个提示块。\n:::\n````');
    expect(sdk).toContain('```ts\nimport { createClient }');
    expect(sdk).toContain('遇到 `{{ error.code }}` 为 `CARD_DECLINED` 时');
  });

  it('converts Hugo shortcodes', async () => {
    const site = await cleanSite('hugo', 'hugo', (t) => (t === 'docs/refunds.md' ? 'refunds' : undefined));
    const billing = site.get('content/docs/billing.md')!;
    expect(billing.markdown).toContain('> [!WARNING]\n> **Price change**\n> From **1 July**');
    expect(billing.markdown).toContain('> [!TIP]\n> Add a second card as a backup');
    expect(billing.markdown).toContain('> [!CAUTION]\n> After three failed attempts');
    expect(billing.markdown).toContain(
      '![Billing settings, with the payment methods list](/images/billing-settings.png)',
    );
    expect(billing.markdown).toContain('**Card**\n\nUpdate the card');
    expect(billing.markdown).toContain('```bash\nacme billing retry --invoice INV-2041\n```');
    expect(billing.markdown).toContain('> [!NOTE]\n> **Why was I charged twice?**');
    expect(billing.markdown).toContain('Read [the refund policy](refunds.md) or the\nlegacy policy.');
    expect(billing.markdown).toContain(
      '{{< alert color="info" >}}This shortcode stays in the code block.{{< /alert >}}',
    );
    expect(billing.removed).toBe(2);
    expect(billing.notes).toEqual([
      'removed unknown shortcode {{< youtube >}}',
      'removed unknown shortcode {{< param >}}',
    ]);
  });

  it('converts Docusaurus admonitions and MDX', async () => {
    const site = await cleanSite('docusaurus', 'docusaurus');
    const pay = site.get('docs/billing/payment-methods.md')!.markdown;
    expect(pay).toContain('> [!NOTE]\n> **Supported cards**\n> Visa, Mastercard');
    expect(pay).toContain('> [!TIP]\n> **Save time**');
    expect(pay).toContain('> [!NOTE]\n> **Currencies**');
    expect(pay).toContain(
      '> [!WARNING]\n> **Failed payments**\n> After a failed payment we retry three times.\n>\n> > [!CAUTION]',
    );
    expect(pay).toContain('```js\nexport function onPaymentFailed');
    const install = site.get('docs/install.mdx')!.markdown;
    expect(install).toBe(
      '# Installing the desktop app\n\n**macOS**\n\nOpen the `.dmg` and drag Acme to **Applications**.\n\n' +
        '**Windows**\n\nRun the installer and follow the steps.\n\n' +
        '> [!TIP]\n> **Company laptops**\n> Ask IT to allow acme.example in the firewall.\n',
    );
  });

  it('converts MkDocs admonitions and tabs', async () => {
    const site = await cleanSite('mkdocs', 'mkdocs');
    const security = site.get('docs/account/security.md')!.markdown;
    expect(security).toContain(
      '> [!WARNING]\n> **Protect your recovery codes**\n> Store your recovery codes somewhere safe.',
    );
    expect(security).toContain('> > [!TIP]\n> > **Password managers**');
    expect(security).toContain('> [!NOTE]\n> **Why do you ask for my phone number?**');
    expect(security).toContain('> [!CAUTION]\n> **Shared accounts**');
    expect(security).toContain('> [!NOTE]\n> Key rotation takes effect within one minute.');
    expect(security).toContain('See [billing](../billing.md).');
    const billing = site.get('docs/billing.md')!.markdown;
    expect(billing).toContain('## Download an invoice\n\n**Web**\n\nGo to **Billing → Invoices**');
    expect(billing).toContain('**CLI**\n\n```bash\nacme invoices download --month 2024-05\n```');
  });
});

describe('cleanSiteMarkup constructs', () => {
  it('reads MkDocs admonitions and collapsibles in every form MkDocs accepts', () => {
    const out = clean(
      [
        '??? "Why do you ask?"',
        '    Because we must.',
        '',
        "!!!warning 'Careful'",
        '    Hot surface.',
        '',
        '???+ tip',
        '    Open by default.',
        '',
      ].join('\n'),
      'mkdocs',
    );
    expect(out.markdown).toBe(
      '> [!NOTE]\n> **Why do you ask?**\n> Because we must.\n\n> [!WARNING]\n> **Careful**\n> Hot surface.\n\n> [!TIP]\n> **Tip**\n> Open by default.\n',
    );
    expect(findSiteMarkupResidue(out.markdown)).toEqual([]);
    expect(clean('Text\n!!!\n', 'mkdocs').notes).toEqual(['removed a stray !!! line']);
    // The title runs to the last quote, as Python-Markdown reads it; words after the type are classes.
    expect(clean('!!! info "The terms "server" and "client""\n    Body.\n', 'mkdocs').markdown).toBe(
      '> [!NOTE]\n> **The terms "server" and "client"**\n> Body.\n',
    );
    expect(clean('!!! warning Some css classes\n    Body.\n', 'mkdocs').markdown).toBe('> [!WARNING]\n> Body.\n');
  });

  it('nests a tip inside a details container', () => {
    const out = clean('::::: details Why?\nBecause.\n\n:::: tip Hint\nInner tip.\n::::\n:::::\n', 'vitepress').markdown;
    expect(out).toBe('> [!NOTE]\n> **Why?**\n> Because.\n>\n> > [!TIP]\n> > **Hint**\n> > Inner tip.\n');
  });

  it('gives a details container without a title a default one and unwraps code groups', () => {
    expect(clean('::: details\nHidden\n:::').markdown).toBe('> [!NOTE]\n> **Details**\n> Hidden\n');
    // The tab label a reader clicks stays, above its code.
    expect(clean('::: code-group\n```js [a.js]\nx\n```\n:::\n').markdown).toBe('**a.js**\n```js\nx\n```\n');
  });

  it('handles CRLF input and Chinese text', () => {
    const out = clean('## 账单 {#billing}\r\n\r\n::: warning 注意\r\n请勿分享密码。\r\n:::\r\n', 'vitepress');
    expect(out.markdown).toBe('## 账单\n\n> [!WARNING]\n> **注意**\n> 请勿分享密码。\n');
  });

  it('turns Liquid callouts, includes and images into Markdown', () => {
    const out = clean(
      '{% callout warning "Heads up" %}\nCareful.\n{% endcallout %}\n\n' +
        '{% include note.html content="Just so you know." %}\n\n' +
        '{% include image.html file="shot.png" alt="Alt text" %}\n\n{% image "{{ site.baseurl }}/a b.png" caption="A caption" %}\n',
      'jekyll',
    );
    expect(out.markdown).toBe(
      '> [!WARNING]\n> **Heads up**\n> Careful.\n\n> [!NOTE]\n> Just so you know.\n\n![Alt text](shot.png)\n\n![A caption](</a b.png>)\n',
    );
    expect(out.removed).toBe(0);
  });

  it('inlines an unused capture where it stood', () => {
    expect(clean('{% capture x %}Kept text{% endcapture %}\n').markdown).toBe('Kept text\n');
    expect(clean('{% capture x %}Used text{% endcapture %}\nA {{ x }} B\n').markdown).toBe('A Used text B\n');
  });

  it('keeps what a shortcode shows: a captioned link, a marker, backticks in a caption, a placeholder', () => {
    const out = clean(
      [
        'Field `bucket` {{< required >}}',
        '',
        'See also: {{< link url="https://example.com/guide" caption="the setup guide" >}}',
        '',
        '{{< figure src="a.png" caption="Set `<S3_BUCKET>` here" >}}',
        '',
        'Replace <S3_BUCKET> with your bucket.',
        '',
      ].join('\n'),
      'hugo',
    );
    expect(out.markdown).toBe(
      'Field `bucket` (required)\n\nSee also: [the setup guide](https://example.com/guide)\n\n![Set `<S3_BUCKET>` here](a.png)\n\nReplace \\<S3_BUCKET> with your bucket.\n',
    );
    expect(out.removed).toBe(0);
  });

  it("keeps every word of a Jekyll image tag's alt text", () => {
    expect(clean('{% image autofill/prompt.png Basic auth prompt in Chrome %}\n', 'jekyll').markdown).toBe(
      '![Basic auth prompt in Chrome](autofill/prompt.png)\n',
    );
  });

  it('keeps a line that starts with "import" outside MDX, and removes MDX imports', () => {
    const md = 'import extras\n: also copy the sidecar files\n\nimport time\n: when the photo was imported\n';
    expect(clean(md, 'hugo').markdown).toBe(md);
    expect(clean("import Tabs from '@theme/Tabs';\n\nText.\n", 'docusaurus').markdown).toBe('Text.\n');
  });

  it('gives each read of a reused capture the value it has at that point of the page', () => {
    const page = [
      '## Cards',
      '{% capture note %}Card refunds take 5 days.{% endcapture %}',
      '{% include note.html content=note %}',
      '## PayPal',
      '{% capture note %}PayPal refunds take 1 day.{% endcapture %}',
      '{% include note.html content=note %}',
      'Again: {{ note | markdownify }}',
      '',
    ].join('\n');
    const out = clean(page, 'jekyll').markdown;
    expect(out).toBe(
      '## Cards\n\n> [!NOTE]\n> Card refunds take 5 days.\n\n## PayPal\n\n> [!NOTE]\n> PayPal refunds take 1 day.\n\nAgain: PayPal refunds take 1 day.\n',
    );
    expect(out).not.toMatch(/[\uE000-\uF8FF]/u);
  });

  it('evaluates string assigns in order and reports, never guesses, a variable it cannot evaluate', () => {
    const literal = clean(
      '{% assign plan = \'Basic\' %}A {{ plan }}.\n{% assign plan = "Pro" %}B {{ plan }}.\n',
      'jekyll',
    );
    expect(literal.markdown).toBe('A Basic.\nB Pro.\n');
    const computed = clean(
      "{% assign plan = 'Basic' %}A {{ plan }}.\n{% assign plan = page.plan | upcase %}B {{ plan }}.\n",
      'jekyll',
    );
    expect(computed.markdown).toBe('A Basic.\nB.\n');
    expect(computed.notes.join('\n')).toMatch(/assign/);
    expect(computed.notes.join('\n')).toMatch(/\{\{ plan \}\}/);
  });

  it('removes icons without counting them and counts unknown tags', () => {
    const icon = clean('Press {% icon gear %} then {{< icon "save" >}} Save.');
    expect(icon).toEqual({ markdown: 'Press then Save.\n', removed: 0, notes: [], linked: new Set() });
    const unknown = clean('A {% foo bar %} B {{ page.x }} C {{< widget >}} D\n');
    expect(unknown.markdown).toBe('A B C D\n');
    expect(unknown.removed).toBe(3);
    expect(unknown.notes).toEqual([
      'removed unknown shortcode {{< widget >}}',
      'removed unknown tag {% foo %}',
      'removed template expression {{ page.x }}',
    ]);
  });

  it('resolves site-variable links or keeps only their text', () => {
    const resolve = (t: string) => ({ '/article/x/': 'x', 'docs/y.md': 'y' })[t];
    const md =
      '[A]({{site.baseurl}}/article/x/#part) [B]({{ "/gone/" | relative_url }}) [C]({{< relref "docs/y.md" >}}) [D](../z.md) [E](https://e.example)';
    expect(clean(md, 'jekyll', resolve).markdown).toBe(
      '[A](x.md#part) B [C](y.md) [D](../z.md) [E](https://e.example)\n',
    );
    expect(clean('[D](../z.md)', 'plain', () => 'z').markdown).toBe('[D](z.md)\n');
  });

  it('removes kramdown attribute lists and toc markers', () => {
    const out = clean('[x](https://x.example){:target="_blank"}\n\nPara\n{: .note}\n\n[[toc]]\n\n# T {#t .big}\n');
    expect(out).toEqual({
      markdown: '[x](https://x.example)\n\nPara\n\n# T\n',
      removed: 0,
      notes: [],
      linked: new Set(),
    });
  });

  it('removes scripts, styles and components but keeps paired component text', () => {
    const md =
      '<script setup>\nconst a = 1\n</script>\n<style>\np{}\n</style>\n\n## New <Badge text="x" />\n\nA <Badge>beta</Badge> and <my-chip size="s">chip text</my-chip>.\n';
    const out = clean(md, 'vitepress');
    expect(out.markdown).toBe('## New\n\nA beta and chip text.\n');
    expect(out.notes).toEqual(['removed unknown component <my-chip>']);
  });

  it('reduces fence meta to the language and never touches code', () => {
    const md =
      '```ts twoslash {1,3} title="x.ts"\n{{ a }}\n```\n\n~~~js:line-numbers\n{% b %}\n~~~\n\n```[file.sh]\n::: tip\n```\n';
    expect(clean(md).markdown).toBe(
      '**x.ts**\n```ts\n{{ a }}\n```\n\n~~~js\n{% b %}\n~~~\n\n**file.sh**\n```\n::: tip\n```\n',
    );
  });

  it('handles raw, highlight, comment and control-flow Liquid', () => {
    const md =
      '{% comment %}\nhidden\n{% endcomment %}\n{% raw %}{{ x }}{% endraw %}\n\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n\n{% unless a %}Shown{% endunless %}\n';
    const out = clean(md, 'jekyll');
    expect(out.markdown).toBe('`{{ x }}`\n\n```ruby\nputs 1\n```\n\nShown\n');
    expect(out.removed).toBe(2);
  });

  it('removes stray container lines and counts them', () => {
    const out = clean('Text\n:::\n!!!\n');
    expect(out.markdown).toBe('Text\n');
    expect(out.removed).toBe(2);
  });

  it('stays bounded on hostile input', () => {
    const exprs = clean('{{ x }} '.repeat(5000) + '{{ '.repeat(20000));
    expect(exprs.removed).toBe(5000 + 20000);
    expect(exprs.notes.length).toBeLessThanOrEqual(10);
    expect(() => clean('::: tip\n'.repeat(3000))).not.toThrow();
    expect(() => clean('[a]({{ '.repeat(10000) + '{: '.repeat(20000))).not.toThrow();
  });

  it('leaves plain Markdown alone', () => {
    const md = '# Title\n\nSome *text* with a [link](a.md), `code {{ x }}` and <kbd>Ctrl</kbd>.\n\n- item\n';
    expect(clean(md)).toEqual({ markdown: md, removed: 0, notes: [], linked: new Set() });
  });
});

describe('findSiteMarkupResidue', () => {
  it('reports markup outside code only', () => {
    expect(findSiteMarkupResidue('a {{ x }}\n```\n{% y %}\n```\n`{: z}`\n<Badge />\n::: tip\n')).toEqual([
      'line 1: {{ x }}',
      'line 6: <Badge />',
      'line 7: ::: tip',
    ]);
  });
});
