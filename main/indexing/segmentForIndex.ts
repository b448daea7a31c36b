import { isFramingWord, joinCompounds, otherNames, withoutCounts } from '../text/index.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const han = /\p{Script=Han}/u;

/**
 * Lower-cased words separated by spaces, so LanceDB's whitespace tokenizer sees Chinese words
 * (ICU's dictionary segmentation) as well as Latin ones. Index and query text go through this.
 */
export function segmentForIndex(text: string): string {
  const words: string[] = [];
  for (const s of segmenter.segment(text.toLowerCase())) if (s.isWordLike) words.push(s.segment);
  return joinCompounds(words).join(' ');
}

/** The words of a query as the index sees them, for highlighting matched terms. */
export function queryTerms(query: string): string[] {
  return [...new Set(segmentForIndex(query).split(' ').filter(Boolean))];
}

/**
 * A question as the lexical index should read it: its words, without the Chinese particles and
 * asking words that a small knowledge base would otherwise count as rare and therefore telling
 * ("吗" in a handful of FAQ answers), kept whole when nothing else is left; and, apart, the
 * characters of its Chinese words of more than one character that the knowledge never uses as a
 * word (`known`), for a weaker second reading: the segmenter cuts a customer's 退给 or 印子
 * differently from an article's 退款 or 水印. Its one-character Chinese words are read there too as
 * the knowledge's words that hold the character (`wordsWith`): a customer's 专票 is the articles'
 * 专用发票.
 */
export function lexicalQuery(
  query: string,
  known: (word: string) => boolean = () => false,
  wordsWith: (character: string) => string[] = () => [],
): { words: string; characters: string } {
  const words = withoutCounts(segmentForIndex(query).split(' ').filter(Boolean));
  const kept = words.filter((w) => !(han.test(w) && isFramingWord(w)));
  const chosen = kept.length ? kept : words;
  const characters = chosen
    .filter((w) => han.test(w) && [...w].length > 1 && !known(w))
    .flatMap((w) => [...w].filter((c) => han.test(c) && !isFramingWord(c)));
  // Characters the segmenter left one by one, side by side, are often a word said short (专票 for
  // 专用发票 is cut 专 | 票): the knowledge's words that hold each join the weaker reading. A lone
  // character between words (点 of 点验证) is a word of its own.
  const lone = (w: string | undefined) => w !== undefined && han.test(w) && [...w].length === 1;
  words.forEach((w, i) => {
    if (lone(w) && !isFramingWord(w) && (lone(words[i - 1]) || lone(words[i + 1]))) characters.push(...wordsWith(w));
  });
  // "UK" also searches "United Kingdom", and the other way round.
  return { words: [...chosen, ...otherNames(query)].join(' '), characters: characters.join(' ') };
}
