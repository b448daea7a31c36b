import { stopwords as english } from '@orama/stopwords/english';
import { stopwords as mandarin } from '@orama/stopwords/mandarin';

/** Words customers use around any question (greetings, asking, wanting): they carry no topic. */
export const conversationalWords: readonly string[] = [
  ...['a', 'hi', 'hello', 'hey', 'thanks', 'thank', 'please', 'pls', 'plz', 'want', 'need', 'get', 'got'],
  ...['know', 'tell', 'let', 'also', 'still', 'really', 'already', 'just', 'like', 'would', 'could', 'ok'],
  ...['okay', 'one', 'anyone', 'something', 'thing', 'things'],
  ...['你好', '您好', '请问', '谢谢', '一下', '怎么办', '怎么', '咋办', '想', '要', '能', '可以', '吗', '呢'],
  ...['吧', '啊', '了', '的'],
];

/** English stop words (Orama's list). */
export const englishStopWords: ReadonlySet<string> = new Set(english);
/** Mandarin stop words (Orama's list). */
export const mandarinStopWords: ReadonlySet<string> = new Set(mandarin);
/** Every word that says nothing about a topic: English and Mandarin stop words and conversational words. */
export const stopWords: ReadonlySet<string> = new Set([...english, ...mandarin, ...conversationalWords]);

/** Whether a lower-cased word is a stop word. */
export const isStopWord = (word: string): boolean => stopWords.has(word);
