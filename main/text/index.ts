export { hasHan, sentenceSegments, slices, wordSegmenter, wordSegments, words } from './words.js';
export type { Segment } from './words.js';
export { fold, stem } from './stem.js';
export {
  chineseAskingWords,
  conversationalWords,
  englishStopWords,
  isFramingWord,
  withoutCounts,
  isStopWord,
  mandarinStopWords,
  stopWords,
} from './stopWords.js';
export { hanPairs, hanPieces, isPiece, joinCompounds, lowerWords, otherNames, term, terms } from './terms.js';
export type { TermOptions } from './terms.js';
export { localeLanguage, textLanguage } from './language.js';
export { cosine, countsOf, documentFrequencies, plusOneIdf, smoothIdf, tfidfVector } from './tfidf.js';
export type { Idf, SparseVector, TfidfOptions } from './tfidf.js';
export { amountOverLimit, numbersIn, quantityStatements, statedAmounts } from './quantities.js';
export type { QuantityStatement, StatedAmount } from './quantities.js';
export { snippet, snippetChars, snippetText } from './snippet.js';
export { matchRanges } from './highlight.js';
export type { TextRange } from './highlight.js';
export { articleScores, coverage, idf, passageTerms, questionTerms } from './coverage.js';
export type { ArticleStats, Coverage, CoverageOptions, TermStats } from './coverage.js';
export { decodeEntities, escapeMarkup } from './entities.js';
export { introducesNext, sentences } from './sentences.js';
export { conceptSources, conceptsOfWords, wordClasses } from './wordClasses.js';
export { navigationShare } from './navigation.js';
