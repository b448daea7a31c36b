import { create, insertMultiple, search } from '@orama/orama';
import { index as oramaIndex } from '@orama/orama/components';
import { stopwords } from '@orama/stopwords/english';
import { createTokenizer as mandarinTokenizer } from '@orama/tokenizers/mandarin';
import { slices } from '../../main/text/index.js';
import type { PeerDoc, PeerLanguage, PeerRanker } from '../peers.js';

const schema = { title: 'string', text: 'string' } as const;

/** The default index, except that each query term matches whole indexed terms only. */
function wholeTermIndex(): ReturnType<typeof oramaIndex.createIndex> {
  const base = oramaIndex.createIndex();
  // search({ exact: true }) would also drop every doc whose raw text lacks all query words verbatim (case-sensitive).
  return {
    ...base,
    search: (index, term, tokenizer, language, props, _exact, ...rest) =>
      base.search(index, term, tokenizer, language, props, true, ...rest),
  };
}

/** Orama's mandarin tokenizer, fed long texts slice by slice (its Intl.Segmenter slows down sharply on long strings). */
function sliced(tokenizer: ReturnType<typeof mandarinTokenizer>): ReturnType<typeof mandarinTokenizer> {
  const tokenize = tokenizer.tokenize.bind(tokenizer);
  return {
    ...tokenizer,
    tokenize: (raw, ...rest) =>
      raw.length <= 2000 ? tokenize(raw, ...rest) : [...slices(raw)].flatMap((s) => tokenize(s.text, ...rest)),
  } as ReturnType<typeof mandarinTokenizer>;
}

/** Index the docs in Orama (fields title and text, BM25 defaults) and rank with it. */
export async function oramaPeer(
  docs: PeerDoc[],
  language: PeerLanguage,
  options: { prefix: boolean; stemAndStopWords: boolean },
): Promise<PeerRanker> {
  const tokenizer =
    language === 'zh'
      ? sliced(mandarinTokenizer())
      : options.stemAndStopWords
        ? { language: 'english', stemming: true, stopWords: stopwords }
        : undefined;
  const db = create({
    schema,
    components: {
      ...(tokenizer ? { tokenizer } : {}),
      ...(options.prefix ? {} : { index: wholeTermIndex() }),
    },
  });
  await insertMultiple(db, docs);
  return async (query, k) => {
    const found = await search(db, { term: query, properties: ['title', 'text'], limit: k });
    return found.hits.map((hit) => hit.id);
  };
}
