import type { SearchResponse, SearchResult } from '../retrieval/index.js';
import { matchRanges, snippet, type TextRange } from '../text/index.js';

/** A search result with what the playground shows of it: the start of its text as read, and where that matches the query. */
export interface HighlightedSearchResult extends SearchResult {
  /** The start of the chunk as plain text (no Markdown marks), cut with "…". */
  snippet: string;
  /** The snippet's words that match the query's words or their stems, in order. */
  highlights: TextRange[];
}

export interface HighlightedSearchResponse extends Omit<SearchResponse, 'results'> {
  results: HighlightedSearchResult[];
}

/**
 * Each result's snippet and the ranges of it that match the query, read as the index reads text
 * (the text toolkit's segmentation and stemming), so the renderer only paints them.
 */
export function withHighlights(response: SearchResponse): HighlightedSearchResponse {
  return {
    ...response,
    results: response.results.map((r) => {
      const text = snippet(r.text);
      return { ...r, snippet: text, highlights: matchRanges(text, response.query) };
    }),
  };
}
