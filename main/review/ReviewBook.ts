import { createHash } from 'node:crypto';
import { AlmanacError } from '../AlmanacError.js';
import { readFrontMatter, type ReviewFacts, type ReviewSource } from '../articles/index.js';
import { trustOf, type ChainEvent, type ChainVerifier, type TrustState } from '../trust/index.js';
import { profileSubject, readVersionText } from '../versions/index.js';
import type { Workspace } from '../workspace/index.js';
import { approvalCandidates, establishFacts, type ReviewEvent, type VersionMeta } from './reviewFacts.js';
import {
  parseRecordLines,
  readReviewFile,
  reviewActions,
  reviewFile,
  reviewedArticleIds,
  type ReadRecord,
  type ReviewAction,
  type ReviewRecord,
} from './reviewRecords.js';
import { authorsByVersion, forgetSavedVersions, savedVersions } from './versionAuthors.js';

export interface ArticleReviews {
  facts: ReviewFacts;
  /** The records in chain order (valid, or with why not), then lines of the file that count for nothing. */
  records: ReadRecord[];
  /** Who wrote each saved version (member ids), from the signed saves. */
  authors: Map<string, Set<string>>;
  /** Why review actions on this article must stop: its review file or the audit chain is damaged. */
  damaged?: AlmanacError;
}

/** The chain's review and save events, grouped by article; rebuilt as the chain grows. */
interface ChainIndex {
  events: number;
  reviews: Map<string, ChainEvent[]>;
  saves: Map<string, ChainEvent[]>;
}
const indexes = new WeakMap<ChainVerifier, ChainIndex>();

function indexOf(chain: ChainVerifier): ChainIndex {
  let index = indexes.get(chain);
  if (!index) indexes.set(chain, (index = { events: 0, reviews: new Map(), saves: new Map() }));
  const add = (map: Map<string, ChainEvent[]>, key: string, e: ChainEvent) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of chain.events.slice(index.events)) {
    if (e.action.startsWith('review.')) add(index.reviews, e.subject, e);
    const versions = e.details?.versions;
    if (versions && typeof versions === 'object')
      for (const id of Object.keys(versions as Record<string, unknown>)) add(index.saves, id, e);
  }
  index.events = chain.events.length;
  return index;
}

const metaCache = new Map<string, VersionMeta>();

/** What the review rules read of a version, from that version's own text (cached: versions never change). */
export async function versionMeta(ws: Workspace, id: string, version: string): Promise<VersionMeta> {
  if (id === profileSubject) return { regulated: false };
  const hit = metaCache.get(version);
  if (hit) return hit;
  let meta: VersionMeta;
  try {
    const { data } = readFrontMatter(await readVersionText(ws, version), `${id}@${version.slice(0, 7)}`);
    meta = { regulated: data.regulated === true, owner: typeof data.owner === 'string' ? data.owner : undefined };
  } catch (err) {
    meta = { regulated: true, unreadable: (err as Error).message };
  }
  metaCache.set(version, meta);
  return meta;
}

const noRecord = 'it is not in the signed audit log (a copied, replayed or hand-written line): it counts for nothing';
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The review facts of a workspace, established from the signed audit chain: each review action is
 * an entry there naming its record, so a line copied, replayed or reordered in `reviews/<id>.jsonl`
 * changes nothing, and who wrote a version comes from signed saves. Cached per article until the
 * chain or the file changes.
 */
export class ReviewBook implements ReviewSource {
  private cache = new Map<string, { stamp: string; reviews: ArticleReviews }>();

  constructor(readonly ws: Workspace) {}

  /** One article's records and facts (empty when it has none). */
  async article(id: string): Promise<ArticleReviews> {
    const trust = await trustOf(this.ws);
    let text: string;
    let unreadable: AlmanacError | undefined;
    try {
      text = await readReviewFile(this.ws, id);
    } catch (err) {
      if (!(err instanceof AlmanacError)) throw err;
      text = '';
      unreadable = err;
    }
    const stamp = `${trust.ok}:${trust.entries}:${trust.chain.lastHash}:${digest(text)}:${unreadable ? 1 : 0}`;
    const hit = this.cache.get(id);
    if (hit && hit.stamp === stamp) return hit.reviews;
    const reviews = await this.establish(id, trust, text, unreadable);
    this.cache.set(id, { stamp, reviews });
    return reviews;
  }

  private async establish(
    id: string,
    trust: TrustState,
    text: string,
    unreadable?: AlmanacError,
  ): Promise<ArticleReviews> {
    const lines = parseRecordLines(id, text);
    const index = trust.ok ? indexOf(trust.chain) : undefined;
    const chainEvents = index?.reviews.get(id) ?? [];
    const byHash = new Map<string, (typeof lines)[number]>();
    const repeats = new Map<number, number>();
    for (const l of lines) {
      const first = byHash.get(l.hash);
      if (first) repeats.set(l.line, first.line);
      else byHash.set(l.hash, l);
    }
    const matched = new Set<string>();
    const events: (ReviewEvent & { line: number })[] = [];
    for (const e of chainEvents) {
      const type = e.action.slice('review.'.length) as ReviewAction;
      const version = e.details?.version;
      if (!(reviewActions as readonly string[]).includes(type) || typeof version !== 'string' || !e.actor) continue;
      const hash = typeof e.details?.record === 'string' ? e.details.record : undefined;
      const line = hash ? byHash.get(hash) : undefined;
      const r = line?.record;
      const record: ReviewRecord | undefined =
        r && r.type === type && r.version === version && r.author === e.actor ? r : undefined;
      if (hash && record) matched.add(hash);
      const reviewBy = typeof e.details?.reviewBy === 'string' ? e.details.reviewBy : undefined;
      events.push({
        id: (hash ?? e.id).slice(0, 16),
        seq: e.seq,
        type,
        version,
        author: e.actor,
        time: e.time,
        record: record ?? {
          type,
          article: id,
          version,
          author: e.actor,
          time: e.time,
          sig: '',
          ...(reviewBy ? { reviewBy } : {}),
        },
        line: record ? line!.line : 0,
      });
    }

    const versions = new Set(events.map((e) => e.version));
    let saved = await savedVersions(this.ws, id);
    if ([...versions].some((v) => !saved.has(v))) {
      forgetSavedVersions(this.ws, id);
      saved = await savedVersions(this.ws, id);
    }
    const authors = authorsByVersion(id, index?.saves.get(id) ?? [], approvalCandidates(events));
    const metas = new Map<string, VersionMeta>();
    for (const v of versions) if (saved.has(v)) metas.set(v, await versionMeta(this.ws, id, v));
    const chain = trust.chain;
    const { facts, rejected } = establishFacts(events, {
      rolesAt: (member, seq) => chain.rolesAt(member, seq),
      authorsOf: (v) => (saved.has(v) ? (authors.get(v) ?? new Set()) : undefined),
      metaOf: (v) => metas.get(v) ?? { regulated: true, unreadable: 'not a saved version' },
    });

    const records: ReadRecord[] = events.map((e) => ({
      id: e.id,
      line: e.line,
      record: e.record,
      valid: !rejected.has(e.id),
      ...(rejected.has(e.id) ? { invalid: rejected.get(e.id) } : {}),
    }));
    let damaged = unreadable;
    for (const l of lines) {
      if (matched.has(l.hash) && !repeats.has(l.line)) continue;
      const why = !trust.ok
        ? 'the audit log does not verify, so no record counts'
        : (l.damaged ?? (repeats.has(l.line) ? `it repeats line ${repeats.get(l.line)}` : noRecord));
      records.push({ id: l.hash.slice(0, 16), line: l.line, record: l.record, valid: false, invalid: why });
      if (l.damaged && !damaged)
        damaged = new AlmanacError(
          'DAMAGED',
          `${reviewFile(id)} line ${l.line} is damaged (${l.damaged}). Restore the file from the team (almanac sync, or git checkout) before reviewing ${id}.`,
          { problems: [{ file: reviewFile(id), message: `line ${l.line}: ${l.damaged}` }] },
        );
    }
    facts.invalidRecords = records.filter((r) => !r.valid).length;
    return { facts, records, authors, ...(damaged ? { damaged } : {}) };
  }

  /** Forget cached history (after a commit, a restore or a sync brought new versions). */
  invalidate(id?: string): void {
    forgetSavedVersions(this.ws, id);
    if (id) this.cache.delete(id);
    else this.cache.clear();
  }

  async factsFor(id: string): Promise<ReviewFacts | undefined> {
    const { facts, records } = await this.article(id);
    return records.length ? facts : undefined;
  }

  async facts(): Promise<Map<string, ReviewFacts>> {
    const out = new Map<string, ReviewFacts>();
    const trust = await trustOf(this.ws);
    const ids = new Set(await reviewedArticleIds(this.ws));
    if (trust.ok) for (const id of indexOf(trust.chain).reviews.keys()) ids.add(id);
    for (const id of ids) out.set(id, (await this.article(id)).facts);
    return out;
  }
}
