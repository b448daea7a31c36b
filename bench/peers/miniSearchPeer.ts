import { stopwords } from '@orama/stopwords/english';
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import { words } from '../../main/text/index.js';
import type { PeerDoc, PeerLanguage, PeerRanker } from '../peers.js';

const stopWords = new Set(stopwords);

/** Index the docs in MiniSearch (fields title and text; its defaults: OR, no prefix, no fuzzy) and rank with it. */
export function miniSearchPeer(
  docs: PeerDoc[],
  language: PeerLanguage,
  options: { stemAndStopWords: boolean },
): PeerRanker {
  const tokenize = language === 'zh' ? (text: string) => words(text) : undefined;
  const processTerm = options.stemAndStopWords
    ? (term: string) => {
        const lower = term.toLowerCase();
        return stopWords.has(lower) ? null : stemmer(lower);
      }
    : undefined;
  const search = new MiniSearch<PeerDoc>({
    fields: ['title', 'text'],
    ...(tokenize ? { tokenize } : {}),
    ...(processTerm ? { processTerm } : {}),
  });
  search.addAll(docs);
  return (query, k) =>
    search
      .search(query)
      .slice(0, k)
      .map((hit) => String(hit.id));
}
