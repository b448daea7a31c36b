import { stem } from './stem.js';
import { isStopWord, withoutCounts } from './stopWords.js';
import { words } from './words.js';

const han = /\p{Script=Han}/u;

/** Short forms customers type for the word an article writes ("max" for "maximum"). */
const shortForms = new Map([
  ['max', 'maximum'],
  ['info', 'information'],
  ['pics', 'pictures'],
  ['pic', 'picture'],
]);

/** Names customers shorten and articles spell out, or the other way round ("UK", "United Kingdom"). */
const sameNames: string[][] = [
  ['uk', 'united kingdom'],
  ['usa', 'united states'],
  ['eu', 'european union'],
  ['uae', 'united arab emirates'],
  ['nz', 'new zealand'],
  // Actions said in more than one way: "log in" is how customers say what articles call "sign in".
  ['log in', 'sign in', 'login'],
  ['log out', 'sign out', 'logout'],
];

/** Words that, before "in"/"on"/"into" or "out", name signing in or out ("logged in" is "signed in"). */
const signingWords = new Set(['log', 'logs', 'logged', 'logging']);
// A Map, not an object literal: a word of the text ("constructor", "__proto__") must never find
// one of Object's own properties.
const joinedSigning = new Map<string, [string, string]>([
  ['login', ['sign', 'in']],
  ['logins', ['sign', 'in']],
  ['logon', ['sign', 'in']],
  ['signin', ['sign', 'in']],
  ['logout', ['sign', 'out']],
  ['signout', ['sign', 'out']],
]);

/**
 * Things said as two words or one ("back up" and "backup", "set up" and "setup", "e-mail" and
 * "email"): the forms of the first word, the second word, and the one word both become.
 */
const compounds: [string[], string, string][] = [
  [['back', 'backs', 'backed', 'backing'], 'up', 'backup'],
  [['set', 'sets', 'setting'], 'up', 'setup'],
  [['sign', 'signs', 'signed', 'signing'], 'up', 'signup'],
  [['check', 'checks', 'checked', 'checking'], 'out', 'checkout'],
  [['pick', 'picks', 'picked', 'picking'], 'up', 'pickup'],
  [['lock', 'locks', 'locked', 'locking'], 'out', 'lockout'],
  [['shut', 'shuts', 'shutting'], 'down', 'shutdown'],
  [['start', 'starts', 'started', 'starting'], 'up', 'startup'],
  [['drop', 'drops', 'dropped', 'dropping'], 'off', 'dropoff'],
  [['pay', 'pays', 'paid', 'paying'], 'out', 'payout'],
  [['cash'], 'back', 'cashback'],
  [['roll', 'rolls', 'rolled', 'rolling'], 'back', 'rollback'],
  [['plug', 'plugs', 'plugged'], 'in', 'plugin'],
  [['add'], 'on', 'addon'],
  [['add'], 'ons', 'addons'],
  [['work'], 'around', 'workaround'],
  [['follow', 'follows', 'followed'], 'up', 'followup'],
  [['e'], 'mail', 'email'],
  [['e'], 'mails', 'emails'],
  [['wi'], 'fi', 'wifi'],
];
const compoundOf = new Map<string, string>();
for (const [firsts, second, joined] of compounds) for (const f of firsts) compoundOf.set(`${f} ${second}`, joined);

/**
 * Lower-cased words with two-word forms joined ("back up" → "backup", "e mail" → "email"), so a
 * question and an article that write a thing apart and together still meet. Index text, questions
 * and coverage all read words through this.
 */
export function joinCompounds(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const joined = i + 1 < words.length ? compoundOf.get(`${words[i]} ${words[i + 1]}`) : undefined;
    if (joined) {
      out.push(joined);
      i++;
    } else out.push(words[i]!);
  }
  return out;
}

/**
 * Words as the core compares them: "log in", "login", "log on" and "sign in" read the same (and so
 * "log out" and "sign out"), so a question and an article that say it differently still meet.
 */
export function sameActionWords(said: string[]): string[] {
  const words = joinCompounds(said);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const joined = joinedSigning.get(w);
    if (joined) out.push(...joined);
    else if (signingWords.has(w) && next && ['in', 'on', 'into', 'out', 'off'].includes(next)) out.push('sign');
    else out.push(w);
  }
  return out;
}

/**
 * What customers ask in words that name nothing, and the word help centres write for it: "what do I
 * get" with a membership asks for its benefits, as 有什么好处 asks for its 权益. One way only: an
 * article's "benefits" is not a question.
 */
const askedAs: [string[], string][] = [
  [['what do i get', 'what do you get', "what's included", 'what is included', 'what does it include'], 'benefits'],
  [['what comes with', 'what do i get with', 'what you get with'], 'benefits'],
  [['有什么好处', '有啥好处', '有什么用', '有啥用', '包含什么', '包括什么', '有哪些福利', '有什么福利'], '权益'],
];

/**
 * The other names of the places a text names ("united kingdom" for "UK"), lower-cased, and the
 * words articles use for what it asks in words that name nothing (`askedAs`).
 */
export function otherNames(text: string): string[] {
  const said = ` ${lowerWords(text).join(' ')} `;
  const out: string[] = [];
  for (const names of sameNames) {
    if (!names.some((n) => said.includes(` ${n} `))) continue;
    for (const n of names) if (!said.includes(` ${n} `)) out.push(n);
  }
  const latin = ` ${text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
  const chinese = text.replace(/\s+/g, '');
  const asks = (phrase: string) => (han.test(phrase) ? chinese.includes(phrase) : latin.includes(` ${phrase} `));
  for (const [phrases, word] of askedAs) if (!said.includes(` ${word} `) && phrases.some(asks)) out.push(word);
  return out;
}

/** A word as the core compares it: lower-cased, short forms spelled out, English stemmed, anything else as is. */
export function term(word: string): string {
  const lower = word.toLowerCase();
  return stem(shortForms.get(lower) ?? lower);
}

/** The words of a text, lower-cased, in order (ICU segmentation, so Chinese splits into words). */
export function lowerWords(text: string): string[] {
  return words(text.toLowerCase());
}

export interface TermOptions {
  /** Add the text's Han character pairs after its terms (see `hanPairs`). */
  hanPairs?: boolean;
}

/**
 * The informative terms of a text, in order, repeats kept: its words lower-cased and stemmed, stop
 * words and numbers left out; with `hanPairs`, its Chinese character pairs after them.
 */
export function terms(text: string, options: TermOptions = {}): string[] {
  const out = sameActionWords(withoutCounts([...lowerWords(text), ...otherNames(text).flatMap(lowerWords)]))
    .filter((w) => !isStopWord(w) && !/^\d/.test(w))
    .map(term);
  return options.hanPairs ? [...out, ...hanPairs(text)] : out;
}

/**
 * Pairs of neighbouring Han characters, across word and punctuation boundaries: they match Chinese
 * phrasing that word segmentation splits differently ("退货" in "退货运费" and "退 货").
 */
export function hanPairs(text: string): string[] {
  const chars = [...text].filter((c) => han.test(c));
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Marks a Han character or character pair among a passage's terms: never equal to a word. */
export const piece = '\u0001';

/**
 * The Han characters and neighbouring character pairs of a text, marked as pieces. Word segmentation
 * splits Chinese differently in a short question and a long article ("白印子" falls apart into 白, 印,
 * 子; "餐桌上" stays one word where the article writes 餐桌): pieces let the words still meet.
 */
export function hanPieces(text: string): string[] {
  return [...[...text].filter((c) => han.test(c)), ...hanPairs(text)].map((p) => piece + p);
}

/** A term that is a marked piece, not a word (see `hanPieces`). */
export function isPiece(t: string): boolean {
  return t.startsWith(piece);
}
