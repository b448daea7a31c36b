import { stopwords as english } from '@orama/stopwords/english';
import { stopwords as mandarin } from '@orama/stopwords/mandarin';
import { stemmer } from 'stemmer';

const words = new Intl.Segmenter('zh', { granularity: 'word' });
// Words customers use around any question (greetings, asking, wanting) carry no topic.
const conversational = [
  'a',
  'hi',
  'hello',
  'hey',
  'thanks',
  'thank',
  'please',
  'pls',
  'plz',
  'want',
  'need',
  'get',
  'got',
  'know',
  'tell',
  'let',
  'also',
  'still',
  'really',
  'already',
  'just',
  'like',
  'would',
  'could',
  'ok',
  'okay',
  'one',
  'anyone',
  'something',
  'thing',
  'things',
  '你好',
  '您好',
  '请问',
  '谢谢',
  '一下',
  '怎么办',
  '怎么',
  '咋办',
  '想',
  '要',
  '能',
  '可以',
  '吗',
  '呢',
  '吧',
  '啊',
  '了',
  '的',
];
const stop = new Set([...english, ...mandarin, ...conversational]);
const latin = /^[a-z][a-z'-]*$/;
const han = /\p{Script=Han}/u;

/** A word as the full-text index sees it: English stemmed, everything else lower-cased as is. */
export function termOf(word: string): string {
  const w = word.toLowerCase();
  return latin.test(w) ? stemmer(w.replace(/'s$/, '')) : w;
}

/** The words of a text, in order (ICU segmentation, so Chinese splits into words), lower-cased. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const s of words.segment(text.toLowerCase())) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** The informative terms of a text: stemmed words without stop words or numbers, in order, repeats kept. */
export function contentTerms(text: string): string[] {
  return wordsOf(text)
    .filter((w) => !stop.has(w) && !/^\d/.test(w))
    .map(termOf);
}

/** Pairs of neighbouring Han characters: matches Chinese phrasing that word segmentation splits differently. */
export function hanBigrams(text: string): string[] {
  const chars = [...text].filter((c) => han.test(c));
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The language a customer wrote in: Chinese when Han characters outnumber Latin words. */
export function questionLanguage(text: string): 'zh' | 'en' {
  const hanCount = [...text].filter((c) => han.test(c)).length;
  const latinWords = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  return hanCount > 0 && hanCount >= latinWords ? 'zh' : 'en';
}

/** Whether an article locale (`en`, `zh-CN`) is in a language. */
export function localeIs(locale: string, language: 'zh' | 'en'): boolean {
  return locale.toLowerCase().startsWith(language);
}

/** Numbers a sentence states (7, 2,000, 1.5), normalised without separators. */
export function numbersIn(text: string): string[] {
  return (text.match(/\d[\d,.]*/g) ?? []).map((n) => n.replace(/[,.]$/, '').replace(/,/g, ''));
}
