import type { Problem } from '../AlmanacError.js';
import { AlmanacError } from '../AlmanacError.js';
import type { ArticleStore } from './ArticleStore.js';
import { articleMetaSchema, type ArticleMeta } from './articleMeta.js';
import type { Article, ArticleSummary } from './types.js';

/** One change applied to every chosen article. */
export interface BulkChange {
  /** A team member's id, or '' for no owner. */
  owner?: string;
  /** YYYY-MM-DD, or null to remove the date. */
  reviewBy?: string | null;
  addTags?: string[];
  removeTags?: string[];
  archived?: boolean;
}

/** Values of the fields a bulk change touches, for one article: what `bulkRestore` puts back. */
export interface BulkValues {
  id: string;
  owner?: string;
  reviewBy?: string | null;
  tags?: string[];
  archived?: boolean;
}

export interface BulkResult {
  /** Every article named, as it is now. */
  articles: ArticleSummary[];
  /** The ids whose file was written (the others already had these values). */
  changed: string[];
  /** Each article's values before, for the fields touched: pass them to `bulkRestore` to undo. */
  previous: BulkValues[];
}

type Field = Exclude<keyof BulkValues, 'id'>;

interface Plan {
  before: Article;
  after: ArticleMeta;
  previous: BulkValues;
}

const maxProblemsInMessage = 3;

/**
 * Apply one change to the front matter of many articles through the store's save path: all are
 * checked before any is written, and a failed save puts back the ones already written.
 * Throws VALIDATION_FAILED (naming each article), CONFLICT or the failed save's code.
 */
export async function bulkUpdate(store: ArticleStore, ids: string[], change: BulkChange): Promise<BulkResult> {
  const fields = changedFields(change);
  if (fields.length === 0) {
    throw new AlmanacError('VALIDATION_FAILED', 'Say what to change: an owner, a review-by date, tags or archived.');
  }
  const clash = (change.addTags ?? []).filter((t) => change.removeTags?.includes(t));
  if (clash.length > 0) {
    throw new AlmanacError('VALIDATION_FAILED', `A tag cannot be both added and removed: ${clash.join(', ')}.`);
  }
  const team = store.ws.config.team;
  const ownerProblem =
    change.owner && !team.some((m) => m.id === change.owner)
      ? `"${change.owner}" is not a member of the team; choose one of ${team.map((m) => m.id).join(', ') || '(nobody yet)'}`
      : undefined;
  return apply(
    store,
    ids.map((id) => ({
      id,
      problem: ownerProblem,
      values: (meta) => ({
        id,
        ...(change.owner !== undefined ? { owner: change.owner } : {}),
        ...(change.reviewBy !== undefined ? { reviewBy: change.reviewBy } : {}),
        ...(fields.includes('tags')
          ? {
              tags: [...new Set([...meta.tags, ...(change.addTags ?? [])])].filter(
                (t) => !change.removeTags?.includes(t),
              ),
            }
          : {}),
        ...(change.archived !== undefined ? { archived: change.archived } : {}),
      }),
    })),
  );
}

/**
 * Put back values returned as `previous` by `bulkUpdate` (undo), with the same all-or-nothing
 * behaviour. Throws VALIDATION_FAILED, CONFLICT or the failed save's code.
 */
export function bulkRestore(store: ArticleStore, values: BulkValues[]): Promise<BulkResult> {
  return apply(
    store,
    values.map((v) => ({ id: v.id, values: () => v })),
  );
}

function changedFields(values: BulkValues | BulkChange): Field[] {
  const v = values as Partial<BulkValues> & BulkChange;
  const fields: Field[] = [];
  if (v.owner !== undefined) fields.push('owner');
  if (v.reviewBy !== undefined) fields.push('reviewBy');
  if (v.tags !== undefined || v.addTags !== undefined || v.removeTags !== undefined) fields.push('tags');
  if (v.archived !== undefined) fields.push('archived');
  return fields;
}

function valuesOf(meta: ArticleMeta, fields: Field[]): BulkValues {
  const out: BulkValues = { id: meta.id };
  for (const field of fields) {
    if (field === 'owner') out.owner = meta.owner;
    if (field === 'reviewBy') out.reviewBy = meta.reviewBy ?? null;
    if (field === 'tags') out.tags = [...meta.tags];
    if (field === 'archived') out.archived = meta.archived === true;
  }
  return out;
}

function withValues(meta: ArticleMeta, values: BulkValues): Record<string, unknown> {
  const next: Record<string, unknown> = { ...meta };
  if (values.owner !== undefined) next.owner = values.owner;
  if (values.reviewBy !== undefined) next.reviewBy = values.reviewBy ?? undefined;
  if (values.tags !== undefined) next.tags = values.tags;
  if (values.archived !== undefined) next.archived = values.archived || undefined;
  return next;
}

/** YYYY-MM-DD that names a real day (Date.parse accepts 2027-02-30). */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const sameValues = (a: BulkValues, b: BulkValues) =>
  a.owner === b.owner &&
  a.reviewBy === b.reviewBy &&
  a.archived === b.archived &&
  (a.tags ?? []).join('\n') === (b.tags ?? []).join('\n');

interface Target {
  id: string;
  /** Why this article may not take the change, found before reading it. */
  problem?: string;
  values: (meta: ArticleMeta) => BulkValues;
}

async function apply(store: ArticleStore, targets: Target[]): Promise<BulkResult> {
  const plans = await plan(store, targets);
  const written: { plan: Plan; version: string }[] = [];
  const articles: ArticleSummary[] = [];
  for (const p of plans) {
    const fields = changedFields(p.previous);
    if (sameValues(valuesOf(p.after, fields), p.previous)) {
      articles.push(summaryOf(p.before));
      continue;
    }
    try {
      const saved = await store.save(p.before.id, {
        meta: p.after,
        body: p.before.body,
        baseVersion: p.before.version,
      });
      written.push({ plan: p, version: saved.version });
      articles.push(summaryOf(saved));
    } catch (err) {
      throw await rollBack(store, p.before.id, err, written);
    }
  }
  return { articles, changed: written.map((w) => w.plan.before.id), previous: plans.map((p) => p.previous) };
}

/** Read and check every article before anything is written; every problem names its article. */
async function plan(store: ArticleStore, targets: Target[]): Promise<Plan[]> {
  const problems: Problem[] = [];
  const plans: Plan[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    const { id } = target;
    const file = `articles/${id}.md`;
    const fail = (message: string, field?: string) => problems.push({ file, field, message: `${id}: ${message}` });
    if (seen.has(id)) {
      fail('is listed twice');
      continue;
    }
    seen.add(id);
    if (target.problem) {
      fail(target.problem, 'owner');
      continue;
    }
    const before = await store.get(id).catch((err: unknown) => {
      if (err instanceof AlmanacError && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION_FAILED')) return;
      throw err;
    });
    if (!before) {
      fail('there is no such article');
      continue;
    }
    if (before.status === 'invalid') {
      fail(`fix the front matter of ${file} first`);
      continue;
    }
    const values = target.values(before.meta);
    if (typeof values.reviewBy === 'string' && !isCalendarDate(values.reviewBy)) {
      fail(`"${values.reviewBy}" is not a review-by date; use a real day as YYYY-MM-DD, e.g. 2027-03-31`, 'reviewBy');
      continue;
    }
    const parsed = articleMetaSchema.safeParse(withValues(before.meta, values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        fail(`"${String(issue.path[0])}" ${issue.message}`, String(issue.path[0]));
      continue;
    }
    plans.push({ before, after: parsed.data, previous: valuesOf(before.meta, changedFields(values)) });
  }
  if (problems.length > 0) {
    const more = problems.length - maxProblemsInMessage;
    const listed = problems.slice(0, maxProblemsInMessage).map((p) => p.message);
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}. Nothing was changed.`,
      { problems },
    );
  }
  return plans;
}

/** Put back the articles written before `failedId` failed (newest first); returns the error to throw. */
async function rollBack(
  store: ArticleStore,
  failedId: string,
  err: unknown,
  written: { plan: Plan; version: string }[],
): Promise<AlmanacError> {
  const notRolledBack: { id: string; message: string }[] = [];
  for (const { plan: p, version } of [...written].reverse()) {
    try {
      await store.save(p.before.id, { meta: p.before.meta, body: p.before.body, baseVersion: version });
    } catch (undoErr) {
      notRolledBack.push({ id: p.before.id, message: (undoErr as Error).message });
    }
  }
  const code = err instanceof AlmanacError ? err.code : 'INTERNAL';
  const reason =
    code === 'CONFLICT'
      ? `it was changed elsewhere while the change ran; reload and try again`
      : (err as Error).message;
  const rolledBack = written.map((w) => w.plan.before.id).filter((id) => !notRolledBack.some((n) => n.id === id));
  const after =
    notRolledBack.length > 0
      ? ` ${notRolledBack.map((n) => n.id).join(', ')} could not be put back (changed meanwhile); check them.`
      : written.length > 0
        ? ` The ${written.length} already changed were put back; nothing was changed.`
        : ' Nothing was changed.';
  return new AlmanacError(code, `Could not change ${failedId}: ${reason}.${after}`, {
    failed: failedId,
    rolledBack,
    notRolledBack,
    problems: [{ file: `articles/${failedId}.md`, message: reason }],
  });
}

function summaryOf(article: Article): ArticleSummary {
  const summary: Partial<Article> = { ...article };
  delete summary.meta;
  delete summary.body;
  return summary as ArticleSummary;
}
