import { parse as parseToml } from 'smol-toml';
import { articleIdSchema, readFrontMatter, type ArticleMeta } from '../articles/index.js';
import { plainTitle } from './plainTitle.js';

/** Front matter as another tool wrote it, mapped onto Almanac's fields. */
export interface ForeignMeta {
  meta: Partial<ArticleMeta>;
  /** Why the page is not live on its site (hidden, draft, unpublished), if it is not. */
  notLive?: string;
  /** Site paths this page answers to (permalink, slug, aliases), for resolving links between pages. */
  permalinks: string[];
  warnings: string[];
}

const tomlFence = /^\uFEFF?\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/;

/** Split front matter (YAML `---` or Hugo's TOML `+++`) from the body. Throws with a readable reason. */
export function splitForeignFrontMatter(
  text: string,
  file: string,
): { data: Record<string, unknown>; body: string; warnings: string[] } {
  const toml = tomlFence.exec(text);
  if (toml) {
    try {
      return { data: parseToml(toml[1]!) as Record<string, unknown>, body: text.slice(toml[0].length), warnings: [] };
    } catch (err) {
      throw new Error(`The TOML front matter is not valid: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  let front;
  try {
    front = readFrontMatter(text, file);
  } catch (err) {
    // Hugo and Jekyll (Go and Ruby YAML) take tabs that indent a list or a flow sequence
    // (`aliases: [` then a tab); YAML 1.2 does not. Read them as the generator does.
    const untabbed = untabFrontMatter(text);
    if (untabbed === text) throw new Error(`The front matter is not valid YAML: ${(err as Error).message}`);
    try {
      front = readFrontMatter(untabbed, file);
    } catch {
      throw new Error(`The front matter is not valid YAML: ${(err as Error).message}`);
    }
  }
  return { ...front, warnings: front.warnings.map((w) => `${w.message}. ${w.fix ?? ''}`.trim()) };
}

const yamlFence = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/;

/** The text with tabs at the start of front-matter lines turned into two spaces each. */
function untabFrontMatter(text: string): string {
  const m = yamlFence.exec(text);
  if (!m || !/^\t/m.test(m[2]!)) return text;
  const body = m[2]!.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));
  return m[1]! + body + m[3]! + text.slice(m[0].length);
}

const asText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

function tagsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list
    .map((t) => (t && typeof t === 'object' && 'label' in t ? asText((t as { label: unknown }).label) : asText(t)))
    .map((t) => t?.trim().slice(0, 60))
    .filter((t): t is string => Boolean(t));
}

function localeOf(value: unknown): string | undefined {
  const text = asText(value)?.trim().replace('_', '-');
  if (!text) return undefined;
  const [lang, region] = text.split('-');
  const locale = region ? `${lang!.toLowerCase()}-${region.toUpperCase()}` : lang!.toLowerCase();
  return /^[a-z]{2,3}(-[A-Z]{2,4})?$/.test(locale) ? locale : undefined;
}

/** Fields read into Almanac fields and so not kept verbatim. */
const consumed = new Set([
  'id',
  'title',
  'summary',
  'description',
  'excerpt',
  'tags',
  'categories',
  'keywords',
  'locale',
  'lang',
  'language',
  'audience',
  'owner',
  'reviewBy',
  'archived',
  'hidden',
  'draft',
  'published',
  'source',
  'extra',
]);

/**
 * Map front matter from Jekyll, Hugo, VitePress, Docusaurus or MkDocs onto Almanac's fields:
 * description becomes the summary, categories join the tags, and hidden, draft or
 * `published: false` pages are archived (not live). Unknown fields are kept in `extra`.
 */
export function mapForeignMeta(data: Record<string, unknown>): ForeignMeta {
  const warnings: string[] = [];
  const meta: ForeignMeta['meta'] = {};
  const id = asText(data.id);
  if (id !== undefined) {
    if (articleIdSchema.safeParse(id).success) meta.id = id;
    else warnings.push(`"id: ${id}" cannot be an article id, so a new id was made from the file name`);
  }
  const title = plainTitle(asText(data.title) ?? '');
  if (title) meta.title = title;
  const summary = asText(data.summary) ?? asText(data.description) ?? asText(data.excerpt);
  if (summary?.trim()) meta.summary = plainTitle(summary).slice(0, 2000);
  const tags = [...new Set([...tagsOf(data.tags), ...tagsOf(data.categories), ...tagsOf(data.keywords)])];
  if (tags.length) meta.tags = tags.slice(0, 40);
  const locale = localeOf(data.locale ?? data.lang ?? data.language);
  if (locale) meta.locale = locale;
  for (const key of ['audience', 'owner', 'reviewBy'] as const) {
    const value = asText(data[key]);
    if (value) (meta as Record<string, unknown>)[key] = value;
  }
  let notLive: string | undefined;
  if (data.hidden === true) notLive = 'hidden: true';
  else if (data.draft === true) notLive = 'draft: true';
  else if (data.published === false) notLive = 'published: false';
  else if (data.archived === true) notLive = 'archived: true';
  if (notLive) meta.archived = true;
  const extra = Object.fromEntries(Object.entries(data).filter(([k, v]) => !consumed.has(k) && v !== undefined));
  if (Object.keys(extra).length) meta.extra = extra;
  return { meta, notLive, permalinks: sitePermalinks(data), warnings };
}

/** The site paths a page's front matter gives it besides its file path: permalink, slug, url, aliases. */
export function sitePermalinks(data: Record<string, unknown> | undefined): string[] {
  if (!data) return [];
  return ['permalink', 'slug', 'url']
    .map((k) => asText(data[k]))
    .concat(Array.isArray(data.aliases) ? data.aliases.map(asText) : [])
    .filter((p): p is string => Boolean(p));
}
