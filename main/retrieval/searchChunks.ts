import type { ChunkFilter, ChunkIndex, ChunkRecord } from '../indexing/index.js';
import { queryTerms } from '../indexing/index.js';
import { fuseRanks } from './fuseRanks.js';
import { noModelNotice, type SearchNotice } from './searchNotice.js';

export type SearchMode = 'hybrid' | 'vector' | 'lexical';

export interface SearchResult {
  chunkId: string;
  articleId: string;
  title: string;
  headings: string[];
  text: string;
  start: number;
  end: number;
  locale: string;
  status: string;
  score: number;
  explanation: {
    lexical?: { rank: number; score: number };
    vector?: { rank: number; distance: number };
    fused?: number;
  };
}

export interface SearchResponse {
  query: string;
  mode: SearchMode;
  /** The mode that actually ran: lexical when no model is installed. */
  ranMode: SearchMode;
  notice?: SearchNotice;
  terms: string[];
  results: SearchResult[];
}

export interface SearchOptions {
  k?: number;
  mode?: SearchMode;
  filter?: ChunkFilter;
  /** Vector search, when a model is available; returns chunk rows nearest first with distances. */
  vectorSearch?: (
    query: string,
    limit: number,
    filter: ChunkFilter,
  ) => Promise<{ row: ChunkRecord; distance: number }[]>;
}

function toResult(row: ChunkRecord, score: number): SearchResult {
  return {
    chunkId: row.id,
    articleId: row.article_id,
    title: row.title,
    headings: JSON.parse(row.headings) as string[],
    text: row.text,
    start: row.start,
    end: row.end,
    locale: row.locale,
    status: row.status,
    score,
    explanation: {},
  };
}

/** Hybrid retrieval: BM25 and vector ranks fused by RRF, each result explaining its scores. */
export async function searchChunks(
  index: ChunkIndex,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResponse> {
  const { k = 10, mode = 'hybrid', filter = {} } = options;
  const terms = queryTerms(query);
  const canVector = Boolean(options.vectorSearch);
  const ranMode: SearchMode = canVector ? mode : 'lexical';
  const notice = !canVector && mode !== 'lexical' ? noModelNotice() : undefined;
  const depth = ranMode === 'hybrid' ? Math.max(k * 4, 50) : k;
  const [lexical, vector] = await Promise.all([
    ranMode === 'vector' ? [] : index.lexicalSearch(query, depth, filter),
    ranMode === 'lexical' ? [] : options.vectorSearch!(query, depth, filter),
  ]);
  const byId = new Map<string, SearchResult>();
  lexical.forEach((hit, i) => {
    const r = byId.get(hit.row.id) ?? toResult(hit.row, hit.score);
    r.explanation.lexical = { rank: i + 1, score: hit.score };
    byId.set(hit.row.id, r);
  });
  vector.forEach((hit, i) => {
    const r = byId.get(hit.row.id) ?? toResult(hit.row, 1 - hit.distance);
    r.explanation.vector = { rank: i + 1, distance: hit.distance };
    byId.set(hit.row.id, r);
  });
  let ordered: SearchResult[];
  if (ranMode === 'hybrid') {
    ordered = fuseRanks([lexical.map((h) => h.row.id), vector.map((h) => h.row.id)]).map(({ id, score }) => {
      const r = byId.get(id)!;
      r.score = score;
      r.explanation.fused = score;
      return r;
    });
  } else {
    ordered = (ranMode === 'lexical' ? lexical : vector).map((h) => byId.get(h.row.id)!);
  }
  return { query, mode, ranMode, notice, terms, results: ordered.slice(0, k) };
}
