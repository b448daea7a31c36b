import { stopwords as english } from '@orama/stopwords/english';
import { stopwords as mandarin } from '@orama/stopwords/mandarin';

/** Words customers use around any question (greetings, asking, wanting): they carry no topic. */
export const conversationalWords: readonly string[] = [
  ...['a', 'hi', 'hello', 'hey', 'thanks', 'thank', 'please', 'pls', 'plz', 'want', 'need', 'get', 'got'],
  ...['know', 'tell', 'let', 'also', 'still', 'really', 'already', 'just', 'like', 'would', 'could', 'ok'],
  ...['okay', 'one', 'anyone', 'something', 'thing', 'things'],
  ...['你好', '您好', '请问', '谢谢', '一下', '怎么办', '怎么', '咋办', '想', '要', '能', '可以', '吗', '呢'],
  ...['吧', '啊', '了', '的', '需要', '想要'],
  // Who is asking: a knowledge base that writes 您 would otherwise count the customer's 我 as rare.
  ...['我', '我们', '你', '你们', '您', '咱', '咱们', '俺', '人家'],
];

/**
 * Chinese words that only ask (how, what, how much, whether, where), simplified and traditional:
 * the form of a question, not its topic.
 */
export const chineseAskingWords: readonly string[] = [
  ...['多少', '多少钱', '什么', '怎样', '如何', '为什么', '为何', '哪里', '哪些', '是否', '能否', '有没有'],
  ...['能不能', '可不可以', '咋', '嗎', '麼', '請問', '謝謝', '怎麼辦', '什麼', '怎麼', '怎樣', '為什麼', '為何'],
  ...['哪裡', '有沒有', '嘛', '呀', '多久', '多长时间', '几天', '大概', '大约'],
  // When, which, who, whether: every interrogative, as English drops when, which, who, whether.
  ...['什么时候', '什麼時候', '何时', '何時', '几时', '幾時', '哪个', '哪個', '哪儿', '哪兒', '谁', '誰'],
  ...['会不会', '會不會', '是不是', '怎么样', '怎麼樣'],
  // How often something happened (试了好几次, 多次登录失败): the count, not the topic.
  ...['次', '几次', '幾次', '多次', '好几次', '好幾次'],
];

/** Whether a lower-cased word only frames a question: a conversational or Chinese asking word. */
export const isFramingWord = (word: string): boolean => framing.has(word);

/** Words that count before "times" ("too many times", "several times", "a few times"). */
const countingWords: ReadonlySet<string> = new Set(
  ['many', 'several', 'few', 'multiple', 'numerous', 'countless', 'more', 'two', 'three', 'four', 'five'].concat([
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'dozen',
    'hundred',
    'lots',
    'twenty',
  ]),
);

/**
 * A question's words without "times" where it counts how often ("tried to log in too many times",
 * "charged 3 times"): it then says how often, not what about, and must not find every passage about
 * times and dates. "Delivery times" and "what time" keep theirs.
 */
export function withoutCounts(words: readonly string[]): string[] {
  return words.filter(
    (w, i) => w !== 'times' || !(countingWords.has(words[i - 1] ?? '') || /^\d+$/.test(words[i - 1] ?? '')),
  );
}

/** English stop words (Orama's list). */
export const englishStopWords: ReadonlySet<string> = new Set(english);
/** Mandarin stop words (Orama's list). */
export const mandarinStopWords: ReadonlySet<string> = new Set(mandarin);
/** Every word that says nothing about a topic: English and Mandarin stop words and conversational words. */
export const stopWords: ReadonlySet<string> = new Set([
  ...english,
  ...mandarin,
  ...conversationalWords,
  ...chineseAskingWords,
]);
const framing: ReadonlySet<string> = new Set([...conversationalWords, ...chineseAskingWords]);

/** Whether a lower-cased word is a stop word. */
export const isStopWord = (word: string): boolean => stopWords.has(word);
