// The answer engine's names for the core's text toolkit (main/text): one way of reading text for
// indexing, answers, hand-offs, grounding, health and insights alike.
import { hanPairs, localeLanguage, lowerWords, numbersIn, term, terms, textLanguage } from '../text/index.js';

/** A word as the core compares it: lower-cased, short forms spelled out, English stemmed. */
export const termOf = term;

/** The words of a text, in order (ICU segmentation, so Chinese splits into words), lower-cased. */
export const wordsOf = lowerWords;

/** The informative terms of a text: stemmed words without stop words or numbers, in order, repeats kept. */
export const contentTerms = (text: string): string[] => terms(text);

/** Pairs of neighbouring Han characters: matches Chinese phrasing that word segmentation splits differently. */
export const hanBigrams = hanPairs;

/** The language a customer wrote in: Chinese when Han characters outnumber Latin words. */
export const questionLanguage = textLanguage;

/** Whether an article locale (`en`, `zh-CN`) is in a language. */
export const localeIs = (locale: string, language: 'zh' | 'en'): boolean => localeLanguage(locale) === language;

export { numbersIn };
