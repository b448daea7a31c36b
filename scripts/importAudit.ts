/**
 * Import audit: imports documentation sites into throwaway workspaces through the CLI and measures
 * what came out wrong. Usage:
 *   npx tsx scripts/importAudit.ts [--almanac <repo>] [--examples N] [--json <file>] [--keep] <site>...
 * --almanac runs the CLI of another checkout (default: this repository).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { Marked } from 'marked';
import YAML from 'yaml';

type Gen = 'jekyll' | 'hugo' | 'vitepress' | 'docusaurus' | 'mkdocs' | 'plain';
interface Report {
  imported: { id: string; title: string; source: string; status: string; notes?: string[] }[];
  failed: { source: string; reason: string }[];
}
interface Example {
  file: string;
  line?: number;
  got: string;
  source?: string;
}
interface Metric {
  count: number;
  articles: number;
  examples: Example[];
}
/** Visible text kept: a source page's words against those of its imported article(s). */
interface PageWords {
  article: string;
  source: string;
  sourceWords: number;
  articleWords: number;
  kept: number;
  /** Source words the article has fewer of, with the shortfall, most first (at most 12). */
  missing: [string, number][];
}
interface SiteResult {
  site: string;
  generator: Gen;
  pages: number;
  imported: number;
  notBuiltButImported: string[];
  builtNotImported: string[];
  rejected: Record<string, string[]>;
  missingImages: number;
  missingFoundInSite: number;
  metrics: Record<string, Metric>;
  words: { pages: number; median: number; below: number; worst: PageWords[]; perPage: PageWords[] };
  error?: string;
}

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const flag = (name: string): boolean => (args.includes(name) ? (args.splice(args.indexOf(name), 1), true) : false);
const almanac = path.resolve(opt('--almanac') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const maxExamples = Number(opt('--examples') ?? 5);
const jsonOut = opt('--json');
const keep = flag('--keep');
if (args.length === 0) {
  console.error(
    'usage: npx tsx scripts/importAudit.ts [--almanac <repo>] [--examples N] [--json <file>] [--keep] <site>...',
  );
  process.exit(2);
}

const skipDirs = new Set(['.git', 'node_modules', '.vitepress', '.docusaurus', '.cache', 'vendor']);
function walk(dir: string, out: string[] = [], base = dir): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (skipDirs.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out, base);
    else if (e.isFile()) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}
const read = (p: string): string => (existsSync(p) ? readFileSync(p, 'utf8') : '');
const isPage = (f: string) => /\.mdx?$/i.test(f);
const frontMatter = (text: string): Record<string, unknown> | undefined => {
  if (!/^(---|\+\+\+)\s*\n/.test(text)) return undefined;
  try {
    return text.startsWith('+++') ? {} : (matter(text).data as Record<string, unknown>);
  } catch {
    return {};
  }
};
const glob = (pattern: string) =>
  new RegExp(
    '^' +
      pattern
        .replace(/^\//, '')
        .replace(/[.+^$()|[\]\\]/g, '\\$&')
        .replace(/\*\*\/?/g, '\uffff')
        .replace(/\*/g, '[^/]*')
        .replace(/\uffff/g, '.*') +
      '$',
  );

function detect(site: string): Gen {
  const has = (f: string) => existsSync(path.join(site, f));
  if (has('.vitepress')) return 'vitepress';
  if (['js', 'ts', 'mjs'].some((x) => has(`docusaurus.config.${x}`))) return 'docusaurus';
  if (has('mkdocs.yml') || has('mkdocs.yaml')) return 'mkdocs';
  if (
    ['hugo.toml', 'hugo.yaml'].some(has) ||
    (['config.toml', 'config.yaml', 'config.yml'].some(has) && has('content'))
  )
    return 'hugo';
  return has('_config.yml') ? 'jekyll' : 'plain';
}

/** Pages the generator would build, relative to the site root (an estimate from its config). */
function builtPages(site: string, gen: Gen, files: string[]): string[] {
  const pages = files.filter(isPage);
  const text = (f: string) => read(path.join(site, f));
  if (gen === 'mkdocs') {
    const cfg = read(path.join(site, 'mkdocs.yml')) || read(path.join(site, 'mkdocs.yaml'));
    const docsDir = /^docs_dir:\s*['"]?([^'"\s]+)/m.exec(cfg)?.[1] ?? 'docs';
    const excl =
      /^exclude_docs:\s*\|\n((?:[ \t]+.*\n?)+)/m
        .exec(cfg)?.[1]
        ?.split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map(glob) ?? [];
    return pages.filter((f) => f.startsWith(docsDir + '/') && !excl.some((r) => r.test(f.slice(docsDir.length + 1))));
  }
  if (gen === 'hugo') return pages.filter((f) => f.startsWith('content/') && frontMatter(text(f))?.draft !== true);
  if (gen === 'docusaurus')
    return pages.filter(
      (f) => /^(docs|blog|versioned_docs|src\/pages)\//.test(f) && !f.split('/').some((s) => s.startsWith('_')),
    );
  if (gen === 'vitepress') {
    const cfg = ['config.ts', 'config.mts', 'config.js', 'config.mjs']
      .map((c) => read(path.join(site, '.vitepress', c)))
      .join('\n');
    const excl = [...(/srcExclude:\s*\[([^\]]*)\]/.exec(cfg)?.[1] ?? '').matchAll(/['"]([^'"]+)['"]/g)].map((m) =>
      glob(m[1]!),
    );
    return pages.filter((f) => !f.split('/').some((s) => s.startsWith('.')) && !excl.some((r) => r.test(f)));
  }
  if (gen === 'jekyll') {
    let cfg: { exclude?: string[]; collections?: Record<string, { output?: boolean }> } = {};
    try {
      cfg = YAML.parse(read(path.join(site, '_config.yml'))) ?? {};
    } catch {
      /* defaults */
    }
    const out = Object.entries(cfg.collections ?? {})
      .filter(([, c]) => c?.output)
      .map(([k]) => `_${k}`);
    const excl = [...(cfg.exclude ?? []), 'Gemfile', 'node_modules', 'vendor'].map((e) =>
      glob(e.replace(/\/$/, '') + '**'),
    );
    return pages.filter((f) => {
      const segs = f.split('/');
      if (segs.slice(0, -1).some((s, i) => (s.startsWith('_') && !(i === 0 && out.includes(s))) || s.startsWith('.')))
        return false;
      if (excl.some((r) => r.test(f))) return false;
      const fm = frontMatter(text(f));
      return fm !== undefined && fm.published !== false;
    });
  }
  return pages;
}

function cli(cmd: string[]): { code: number; out: string; err: string } {
  const r = spawnSync('npm', ['run', '-s', 'almanac', '--', ...cmd], {
    cwd: almanac,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Lines outside fenced code, with inline code spans blanked; fences may sit inside blockquotes or lists. */
function proseLines(body: string): [number, string, string][] {
  const out: [number, string, string][] = [];
  let fence: string | undefined;
  body.split('\n').forEach((line, i) => {
    const bare = line.replace(/^(\s*>)*\s*/, '');
    const m = /^(`{3,}|~{3,})/.exec(bare);
    if (fence) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && !bare.slice(m[1]!.length).trim())
        fence = undefined;
      return;
    }
    if (m) {
      fence = m[1];
      return;
    }
    out.push([i + 1, line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '``'), line]);
  });
  return out;
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
const ghSlug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const almSlug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
function anchorsOf(body: string): Set<string> {
  const set = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, , quoted] of proseLines(body)) {
    const line = quoted.replace(/^(\s*>)+\s?/, '');
    for (const m of line.matchAll(/\b(?:id|name)=["']([^"']+)["']/g)) set.add(m[1]!);
    const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const explicit = /\{#([^}\s]+)[^}]*\}\s*$/.exec(h[1]!);
    if (explicit) set.add(explicit[1]!);
    const text = h[1]!
      .replace(/\{#[^}]*\}\s*$/, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[*_`~]/g, '');
    for (const slug of [ghSlug(text), almSlug(text)]) {
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      set.add(n ? `${slug}-${n}` : slug);
      set.add(slug);
    }
  }
  return set;
}

const checks: Record<string, RegExp> = {
  'template {% %}': /\{%|%\}/,
  'template {{ }}': /\{\{|\}\}/,
  'admonition !!!/???': /^(\s*>)*\s*(!!!|\?\?\?\+?)(\s|$)/,
  'container :::': /:::/,
  'escaped callout \\[!NOTE\\]': /\\\[!\w+\\?\]/,
  'raw component <Tabs>': /<\/?[A-Z][A-Za-z0-9]*(\s|\/?>|$)/,
  'visible link \\[t\\](..)': /\\\[[^\]\n]*\\\]\(/,
  'javascript: link': /javascript:/i,
};

/* Visible text kept. Both sides are rendered with marked and stripped to text; the source first loses what
   the generator never shows as text (template tags, component tags, container markers, attribute lists). */
const keptBar = 0.98;
const md = new Marked({ gfm: true });
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return entities[e.toLowerCase()] ?? ' ';
    const cp = /^#x/i.test(e) ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
/** Markdown (or, for a site's HTML page, HTML) to the text a reader sees, code included. */
function renderText(markdown: string, isHtml = false): string {
  let html = markdown;
  try {
    if (!isHtml) html = md.parse(markdown, { async: false });
  } catch {
    /* keep the Markdown as it is */
  }
  return decode(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<\/?(?:a|abbr|b|bdi|cite|del|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|u|var)\b[^>]*>/gi, '')
      .replace(/<\/?[a-z][^>]*>|<![^>]*>/gi, ' '),
  ).replace(/!?\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"\n]*")?\)/g, '$1'); // links Markdown leaves raw in an HTML block
}
/** Quoted or bracketed titles of a container marker line, and for ::: the words after its type. */
const markerTitle = (rest: string, colons: boolean): string => {
  const quoted = [...rest.matchAll(/"([^"]*)"|'([^']*)'|\[([^\]]*)\]/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  if (quoted.length || !colons) return quoted.join(' ');
  return rest.replace(/^[\w-]+/, '').replace(/\{[^}]*\}/g, '');
};
/** Vue/MDX component tags: capitalised, kebab-case, or Vue's <template>. */
const componentTag = /<\/?(?:[A-Z][\w.]*|template|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?:\s[^<>]*)?\/?>/g;
/** A page file's body with what its generator never shows as text taken out, ready for marked. */
function visibleSource(text: string, mdx: boolean): string {
  let s = text.replace(/^\uFEFF/, '');
  // Front matter by its fences (gray-matter caches a failed parse, e.g. a duplicate key, as if it had none).
  s = s
    .replace(/\r\n?/g, '\n')
    .replace(/^(---|\+\+\+)[ \t]*\n(?:[\s\S]*?\n)?\1[ \t]*(\n|$)/, '')
    // Whole lines go, so that an HTML block around them does not end at a blank line they would leave.
    .replace(/^[ \t]*(?:<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>)[ \t]*\n/gim, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, '')
    .replace(/\{\{[<%][\s\S]{0,500}?[>%]\}\}/g, '')
    .replace(/\{%[\s\S]{0,500}?%\}/g, '')
    .replace(/\{\{[\s\S]{0,500}?\}\}/g, '')
    .replace(/\{:[^}\n]*\}|\{#[^\s}][^}\n]*\}/g, '');
  // Line by line outside fenced code: MDX import/export, container markers (MkDocs bodies dedented), components.
  const out: string[] = [];
  const open: number[] = [];
  let fence: string | undefined;
  let depth = 0;
  let inComponent = 0;
  for (const line of s.split('\n')) {
    const ind = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (line.trim()) while (open.length && ind < open.at(-1)! + 4) open.pop();
    const shift = Math.min(open.length * 4, ind);
    const cur = shift ? line.replace(/^\t/, '    ').slice(shift) : line;
    const bare = cur.replace(/^(\s*>)*\s*/, '');
    const f = /^(`{3,}|~{3,})/.exec(bare)?.[1];
    if (fence) {
      if (f && f[0] === fence[0] && f.length >= fence.length && !bare.slice(f.length).trim()) fence = undefined;
      out.push(cur);
      continue;
    }
    if (f) {
      fence = f;
      out.push(cur);
      continue;
    }
    const bal = (t: string) => (t.match(/[{[(]/g)?.length ?? 0) - (t.match(/[}\])]/g)?.length ?? 0);
    if (depth > 0) {
      depth += bal(cur);
      continue;
    }
    if (mdx && /^(import|export)\s/.test(cur)) {
      depth = Math.max(0, bal(cur));
      continue;
    }
    const colon = /^(\s*)(?::::+)(.*)$/.exec(cur);
    if (colon) {
      out.push(colon[1]! + markerTitle(colon[2]!.trim(), true));
      continue;
    }
    const mk = /^(\s*)(?:!!!|\?\?\?\+?|===\+?)(\s+(?:[\w-]+|")[^\n]*|\s*)$/.exec(cur);
    if (mk && (!cur.trim().startsWith('===') || /^\s*===\+?\s+"/.test(cur))) {
      out.push(mk[1]! + markerTitle(mk[2]!, false));
      open.push(ind);
      continue;
    }
    // Inside a component's tags, indentation is the component's, not an indented code block.
    const tags = [...cur.matchAll(componentTag)].map((m) => m[0]);
    const inside = inComponent > 0 || tags.length > 0;
    for (const t of tags) inComponent = Math.max(0, inComponent + (t[1] === '/' ? -1 : t.endsWith('/>') ? 0 : 1));
    out.push((inside ? cur.trimStart() : cur).replace(/\{\/\*[\s\S]*?\*\/\}/g, ''));
  }
  return out.join('\n').replace(componentTag, ' ');
}
const han = /\p{Script=Han}/u;
const wordRe =
  /\p{Script=Han}|(?:(?!\p{Script=Han})\p{L})(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}'_-])*|\p{N}+(?:[.,]\p{N}+)*/gu;
function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const [w0] of text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .matchAll(wordRe)) {
    const w = han.test(w0) ? w0 : w0.replace(/['_-]+$/, '');
    bag.set(w, (bag.get(w) ?? 0) + 1);
  }
  return bag;
}
function keptWords(source: Map<string, number>, article: Map<string, number>): Omit<PageWords, 'article' | 'source'> {
  let total = 0;
  let kept = 0;
  let articleWords = 0;
  const missing: [string, number][] = [];
  for (const n of article.values()) articleWords += n;
  for (const [w, n] of source) {
    const have = Math.min(n, article.get(w) ?? 0);
    total += n;
    kept += have;
    if (have < n) missing.push([w, n - have]);
  }
  missing.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { sourceWords: total, articleWords, kept: total ? kept / total : 1, missing: missing.slice(0, 12) };
}

function audit(siteArg: string): SiteResult {
  const site = path.resolve(siteArg);
  const files = walk(site);
  const generator = detect(site);
  const built = builtPages(site, generator, files);
  const res: SiteResult = {
    site: path.basename(site),
    generator,
    pages: built.length,
    imported: 0,
    notBuiltButImported: [],
    builtNotImported: [],
    rejected: {},
    missingImages: 0,
    missingFoundInSite: 0,
    metrics: {},
    words: { pages: 0, median: 1, below: 0, worst: [], perPage: [] },
  };
  const tmp = mkdtempSync(path.join(tmpdir(), 'import-audit-'));
  try {
    const init = cli(['init', path.join(tmp, 'ws')]);
    if (init.code !== 0) throw new Error(`init failed: ${init.err.trim()}`);
    const run = cli(['import', path.join(tmp, 'ws'), site, '--json']);
    let report: Report;
    try {
      report = JSON.parse(run.out) as Report;
    } catch {
      throw new Error(`import printed no JSON (exit ${run.code}): ${run.err.trim().slice(0, 300)}`);
    }
    for (const f of report.failed) {
      const reason = f.reason
        .replace(/\d+/g, 'N')
        .replace(/"[^"]*"/g, '"…"')
        .replace(/\([^)]*\)/g, '(…)');
      (res.rejected[reason] ??= []).push(path.relative(site, path.resolve(almanac, f.source)));
    }
    // Missing images, and whether a file of that name is somewhere in the site.
    const git = spawnSync('git', ['-C', site, 'ls-tree', '-r', '--name-only', 'HEAD'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const tracked = new Set(git.status === 0 ? git.stdout.split('\n').filter(Boolean) : []);
    const byName = new Map<string, string>();
    for (const f of files) byName.set(path.basename(f).toLowerCase(), f);
    const metric = (k: string): Metric => (res.metrics[k] ??= { count: 0, articles: 0, examples: [] });
    for (const a of report.imported) {
      for (const n of a.notes ?? []) {
        const src = /^missing image: (.*)$/.exec(n)?.[1];
        if (!src) continue;
        res.missingImages++;
        const clean = safeDecode(src.replace(/[?#].*$/, '')).replace(/^(\.{0,2}\/)+/, '');
        const under = ['images', 'static', 'static/images', 'assets', 'public', 'docs', 'content']
          .map((d) => `${d}/${clean}`)
          .find((f) => existsSync(path.join(site, f)));
        const found = under ?? byName.get(path.basename(clean).toLowerCase());
        const inGit = !found && [...tracked].find((f) => f.endsWith('/' + clean) || f === clean);
        if (found) res.missingFoundInSite++;
        const m = metric('missing image');
        m.count++;
        if (m.examples.length < maxExamples)
          m.examples.push({
            file: a.id,
            got: src,
            source: under
              ? `exists at ${under}`
              : found
                ? `same name at ${found}`
                : inGit
                  ? `in git (${inGit}) but not on disk`
                  : 'not in site',
          });
      }
    }
    // Articles.
    const dir = path.join(tmp, 'ws', 'articles');
    const arts = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => {
        const parsed = matter(readFileSync(path.join(dir, f), 'utf8'));
        const src = (parsed.data.source as { path?: string } | undefined)?.path ?? '';
        return {
          id: f.slice(0, -3),
          title: String(parsed.data.title ?? ''),
          src,
          body: parsed.content,
          offset: parsed.matter.split('\n').length + 2,
        };
      });
    res.imported = arts.length;
    const srcs = new Set(arts.map((a) => a.src));
    res.builtNotImported = built.filter((p) => !srcs.has(p));
    res.notBuiltButImported = [...srcs].filter((s) => s && !built.includes(s));
    // Visible text kept, per source page (its articles together, should it have been split).
    const perSrc = new Map<string, typeof arts>();
    for (const a of arts) if (a.src) perSrc.set(a.src, [...(perSrc.get(a.src) ?? []), a]);
    for (const [src, group] of perSrc) {
      const raw = read(path.join(site, src));
      const mdx = generator === 'docusaurus' || /\.mdx$/i.test(src);
      const source = wordBag(renderText(visibleSource(raw, mdx), /\.html?$/i.test(src)));
      if (!source.size) continue;
      const article = wordBag(group.map((a) => `${a.title}\n\n${renderText(a.body)}`).join('\n\n'));
      res.words.perPage.push({
        article: group.map((a) => `${a.id}.md`).join(', '),
        source: src,
        ...keptWords(source, article),
      });
    }
    const scores = res.words.perPage.map((p) => p.kept).sort((a, b) => a - b);
    const mid = scores.length >> 1;
    res.words.pages = scores.length;
    res.words.median = scores.length ? (scores.length % 2 ? scores[mid]! : (scores[mid - 1]! + scores[mid]!) / 2) : 1;
    res.words.below = scores.filter((k) => k < keptBar).length;
    res.words.worst = [...res.words.perPage].sort((a, b) => a.kept - b.kept).slice(0, 5);
    const anchors = new Map(arts.map((a) => [a.id, anchorsOf(a.body)]));
    const byId = new Map(arts.map((a) => [a.id, a]));
    const navText = [
      'mkdocs.yml',
      'mkdocs.yaml',
      'sidebars.js',
      'sidebars.ts',
      '.vitepress/config.ts',
      '.vitepress/config.mts',
      '.vitepress/config.js',
    ]
      .map((f) => read(path.join(site, f)))
      .join('\n');
    const bySrc = new Map(arts.map((a) => [a.src, a.id]));
    /** The article a source page's link to `#frag` points at, resolving the link against the page's own path. */
    const intended = (from: string, frag: string): string | undefined => {
      for (const x of read(path.join(site, from)).matchAll(/\]\(\s*<?([^)\s>#]+)#([^)\s>]+)/g)) {
        if (safeDecode(x[2]!) !== frag || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(x[1]!)) continue;
        const p = path.posix.join(path.posix.dirname(from), safeDecode(x[1]!)).replace(/\/$/, '');
        for (const c of [p, `${p}.md`, `${p}/index.md`, `${p}/_index.md`, `${p}/README.md`])
          if (bySrc.has(c)) return bySrc.get(c);
      }
      return undefined;
    };
    const sourceLine = (src: string, needle: string): string | undefined => {
      const key = needle
        .replace(/[\\`*]/g, '')
        .trim()
        .slice(0, 24);
      if (key.length < 4) return undefined;
      const hit = read(path.join(site, src))
        .split('\n')
        .findIndex((l) => l.replace(/[\\`*]/g, '').includes(key));
      return hit < 0 ? undefined : `${src}:${hit + 1}`;
    };
    const add = (
      k: string,
      a: (typeof arts)[number],
      line: number | undefined,
      text: string,
      hitArticles: Set<string>,
    ) => {
      const m = metric(k);
      m.count++;
      if (!hitArticles.has(k)) {
        hitArticles.add(k);
        m.articles++;
      }
      if (m.examples.length < maxExamples && !m.examples.some((e) => e.file.startsWith(a.id + '.md')))
        m.examples.push({
          file: `${a.id}.md`,
          line: line === undefined ? undefined : line + a.offset,
          got: text.trim().slice(0, 160),
          source: line === undefined ? a.src : sourceLine(a.src, text),
        });
    };
    for (const a of arts) {
      const hit = new Set<string>();
      const pua = [...a.body.matchAll(/[\uE000-\uF8FF]/g)];
      if (pua.length) {
        const lines = a.body.split('\n');
        const i = lines.findIndex((l) => /[\uE000-\uF8FF]/.test(l));
        add('private-use chars', a, i + 1, lines[i]!, hit);
        metric('private-use chars').count += pua.length - 1;
      }
      const base = path.basename(a.src).replace(/\.mdx?$/i, '');
      const stem = /^(_?index|readme)$/i.test(base) ? path.basename(path.dirname(a.src)) : base;
      const ownTitle = frontMatter(read(path.join(site, a.src)))?.title;
      const t = a.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const named = new RegExp(`['"]${t}['"]|^\\s*-?\\s*${t}\\s*:`);
      const inNav = navText.split('\n').some((l) => l.includes(stem) && named.test(l));
      if (
        ownTitle !== a.title &&
        !inNav &&
        (a.title === stem ||
          /\.mdx?$/i.test(a.title) ||
          (!/\s/.test(a.title) && /[\p{L}\p{N}][-_]+[\p{L}\p{N}]/u.test(a.title)))
      )
        add('file-name title', a, undefined, a.title, hit);
      const linked = new Set([...a.body.matchAll(/\]\(\s*<?([^)\s>#/]+)\.md[)#\s>]/g)].map((x) => safeDecode(x[1]!)));
      for (const x of read(path.join(site, a.src)).matchAll(/(?<!!)\[[^\]]*\]\(\s*<?([^)\s>#?]+)/g)) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\/|\.(png|jpe?g|gif|svg|webp|pdf|zip)$/i.test(x[1]!)) continue;
        const rel = safeDecode(x[1]!).replace(/\/$/, '');
        const roots = rel.startsWith('/') ? ['', 'content', 'docs'] : [path.posix.dirname(a.src)];
        const found = roots
          .flatMap((r) =>
            ['', '.md', '.mdx', '/index.md', '/_index.md', '/README.md'].map((e) => path.posix.join(r, rel) + e),
          )
          .find((c) => bySrc.has(c));
        const want = found && bySrc.get(found);
        if (want && want !== a.id && !linked.has(want))
          add('page link not pointing at its article', a, undefined, `${x[0]}  -> expected ${want}.md`, hit);
      }
      for (const [n, line, orig] of proseLines(a.body)) {
        for (const [k, re] of Object.entries(checks)) {
          const at = re.exec(line)?.index;
          if (at !== undefined) add(k, a, n, at > 60 ? '…' + line.slice(at - 40) : line, hit);
        }
        for (const m of line.matchAll(/(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)/g)) {
          const [target, frag] = m[1]!.split('#', 2);
          if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target!)) continue;
          const id = target === '' ? a.id : /^[^/]+\.md$/.test(target!) ? safeDecode(target!.slice(0, -3)) : undefined;
          const at = Math.max(0, orig.indexOf(m[1]!) - 50);
          const shown = orig.slice(at, at + m[1]!.length + 55);
          if (id !== undefined && !byId.has(id)) {
            add('link to a missing article', a, n, shown, hit);
            continue;
          }
          if (frag === undefined || frag === '') continue;
          const set = id === undefined ? undefined : anchors.get(id);
          const want = safeDecode(frag);
          if (!set) add('anchor link to a page not imported', a, n, shown, hit);
          else if (!set.has(want) && !set.has(want.toLowerCase())) {
            const meant = target === '' ? undefined : intended(a.src, want);
            if (meant && meant !== id) {
              add('anchor link to the wrong article', a, n, `${shown}  (source means ${meant}.md)`, hit);
              continue;
            }
            const src = anchorsOf(read(path.join(site, byId.get(id!)!.src)));
            add(
              src.has(want) || src.has(want.toLowerCase()) ? 'anchor lost in import' : 'anchor broken in source too',
              a,
              n,
              shown,
              hit,
            );
          }
        }
      }
    }
  } catch (e) {
    res.error = (e as Error).message;
  } finally {
    if (keep) console.error(`workspace kept: ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  return res;
}

function print(r: SiteResult): void {
  console.log(`\n== ${r.site} (${r.generator})`);
  if (r.error) console.log(`  ERROR: ${r.error}`);
  console.log(`  pages the generator builds: ${r.pages}; articles imported: ${r.imported}`);
  const list = (xs: string[]) => xs.slice(0, maxExamples).join(', ') + (xs.length > maxExamples ? ', …' : '');
  if (r.builtNotImported.length)
    console.log(`  built but not imported (${r.builtNotImported.length}): ${list(r.builtNotImported)}`);
  if (r.notBuiltButImported.length)
    console.log(
      `  imported, not a Markdown page the generator builds (${r.notBuiltButImported.length}): ${list(r.notBuiltButImported)}`,
    );
  for (const [reason, srcs] of Object.entries(r.rejected))
    console.log(`  rejected ${srcs.length}: ${reason}\n    ${list(srcs)}`);
  console.log(`  missing images: ${r.missingImages} (a file of that name exists in the site: ${r.missingFoundInSite})`);
  const w = r.words;
  console.log(
    `  visible text kept: ${w.pages} page(s), median ${w.median.toFixed(3)}, below ${keptBar}: ${w.below}` +
      (w.worst.some((x) => x.kept < 1) ? '; worst:' : '; every page keeps every word'),
  );
  for (const p of w.worst.filter((x) => x.kept < 1))
    console.log(
      `    ${p.kept.toFixed(3)} of ${p.sourceWords}  ${p.article} <- ${p.source}\n      missing: ${p.missing
        .map(([x, k]) => (k > 1 ? `${x}×${k}` : x))
        .join(', ')}`,
    );
  for (const [k, m] of Object.entries(r.metrics)) {
    console.log(`  ${k}: ${m.count}${m.articles ? ` in ${m.articles} article(s)` : ''}`);
    for (const e of m.examples)
      console.log(
        `    ${e.file}${e.line ? `:${e.line}` : ''}  ${JSON.stringify(e.got)}${e.source ? `  <- ${e.source}` : ''}`,
      );
  }
}

const results = args.map((s) => {
  const r = audit(s);
  print(r);
  return r;
});
const n = (r: SiteResult, k: string) => r.metrics[k]?.count ?? 0;
const leftovers = (r: SiteResult) =>
  Object.keys(checks)
    .slice(0, 6)
    .reduce((s, k) => s + n(r, k), 0);
const cols = [
  'site',
  'gen',
  'pages',
  'imported',
  'rejected',
  'notBuilt',
  'missImg(inSite)',
  'PUA arts',
  'leftover lines',
  'fileTitles',
  'visibleLinks',
  'js:',
  'anchors lost/wrongPage/srcBroken',
  'deadArticleLinks',
  'misdirectedLinks',
  `kept<${keptBar}`,
];
console.log(`\n| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|`);
for (const r of results) {
  const rejected = Object.values(r.rejected).reduce((s, x) => s + x.length, 0);
  const row = [
    r.site,
    r.generator,
    r.pages,
    r.imported,
    rejected,
    r.notBuiltButImported.length,
    `${r.missingImages} (${r.missingFoundInSite})`,
    r.metrics['private-use chars']?.articles ?? 0,
    leftovers(r),
    n(r, 'file-name title'),
    n(r, 'visible link \\[t\\](..)'),
    n(r, 'javascript: link'),
    `${n(r, 'anchor lost in import')}/${n(r, 'anchor link to the wrong article')}/${n(r, 'anchor broken in source too')}`,
    n(r, 'link to a missing article'),
    n(r, 'page link not pointing at its article'),
    `${r.words.below}/${r.words.pages}`,
  ];
  console.log(`| ${row.join(' | ')} |`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
