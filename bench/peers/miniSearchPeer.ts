import { stopwords } from '@orama/stopwords/english';
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import type { PeerDoc, PeerLanguage, PeerRanker } from '../peers.js';

const stopWords = new Set(stopwords);
const zhWords = new Intl.Segmenter('zh', { granularity: 'word' });

/** Index the docs in MiniSearch (fields title and text; its defaults: OR, no prefix, no fuzzy) and rank with it. */
export function miniSearchPeer(
  docs: PeerDoc[],
  language: PeerLanguage,
  options: { stemAndStopWords: boolean },
): PeerRanker {
  const tokenize =
    language === 'zh'
      ? (text: string) => [...zhWords.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment)
      : undefined;
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
