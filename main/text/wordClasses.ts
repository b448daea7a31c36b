import { conceptLexicon as classes } from './conceptLexicon.js';
import { isPiece, lowerWords, term } from './terms.js';

// Reading the concepts of `conceptLexicon` in questions, passages and an index's words.

const byTerm = new Map<string, string[]>();
/** Entries written `=word`: matched as written, not by stem. */
const bySurface = new Map<string, string[]>();
/** Entries of several words ("never bought"): matched as consecutive words, stemmed. */
const phrases: { words: string[]; name: string }[] = [];
for (const [name, { en }] of Object.entries(classes))
  for (const entry of en) {
    if (entry.includes(' ')) {
      phrases.push({ words: lowerWords(entry).map(term), name });
      continue;
    }
    const [map, key] = entry.startsWith('=') ? [bySurface, entry.slice(1)] : [byTerm, term(entry)];
    map.set(key, [...(map.get(key) ?? []), name]);
  }
const hanEntries = Object.entries(classes).flatMap(([name, { zh }]) => zh.map((w) => [w, name] as const));

/** The concepts a text expresses, as tokens (`§remove`, `§account`), each once. */
export function wordClasses(text: string): string[] {
  return [...conceptSources(text).keys()];
}

/**
 * The concepts a text expresses, each with the words that express it: one word ("gone") may
 * express two concepts (forever, lost) and must not count as two pieces of evidence.
 */
export function conceptSources(text: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  readConcepts(lowerWords(text), text, (name, word) => {
    const key = `§${name}`;
    const words = found.get(key) ?? new Set<string>();
    words.add(word);
    found.set(key, words);
  });
  return found;
}

/**
 * Every concept the words (lower-cased, in order) and the Han text express, each with the word or
 * phrase that expresses it: single words by stem or as written, phrases as consecutive stems,
 * Chinese entries anywhere in the Han text.
 */
function readConcepts(said: readonly string[], han: string, add: (name: string, word: string) => void): void {
  const stems = said.map(term);
  said.forEach((w, i) => {
    for (const name of [...(byTerm.get(stems[i]!) ?? []), ...(bySurface.get(w) ?? [])]) add(name, w);
  });
  for (const { words, name } of phrases)
    for (let i = 0; i + words.length <= stems.length; i++)
      if (words.every((w, j) => stems[i + j] === w)) add(name, said.slice(i, i + words.length).join(' '));
  if (han) for (const [w, name] of hanEntries) if (han.includes(w)) add(name, w);
}

/**
 * The concepts of a text already cut into lower-cased words (an index's full-text column), without
 * segmenting it again: for counting how much of the knowledge expresses each concept.
 */
export function conceptsOfWords(words: readonly string[]): Set<string> {
  const found = new Set<string>();
  const han = words.filter((w) => /\p{Script=Han}/u.test(w)).join('');
  readConcepts(words, han, (name) => found.add(`§${name}`));
  return found;
}

/**
 * The concepts whose words say the same thing ("crushed" and "damaged", "remove" and "delete"), as
 * opposed to those that only point the same way (money, account, sending): only these let a passage
 * cover a question term in other words.
 */
const synonymous = new Set(['damage', 'remove', 'personalData', 'person', 'legal', 'danger', 'dispute', 'complaint']);

const ofTerm = new Map<string, string[]>();

/** The synonymous concepts one term (a stemmed English word, or a Chinese word) belongs to. */
export function termClasses(t: string): string[] {
  let found = ofTerm.get(t);
  if (!found) {
    const names = new Set([...(byTerm.get(t) ?? []), ...(bySurface.get(t) ?? [])]);
    if (/\p{Script=Han}/u.test(t)) for (const [w, name] of hanEntries) if (t.includes(w)) names.add(name);
    found = [...names].filter((name) => synonymous.has(name));
    if (ofTerm.size >= 50_000) ofTerm.clear();
    ofTerm.set(t, found);
  }
  return found;
}

const ofPassage = new WeakMap<Set<string>, Set<string>>();

/** The synonymous concepts a passage's terms belong to (see `passageTerms`), computed once per term set. */
export function passageClasses(terms: Set<string>): Set<string> {
  let found = ofPassage.get(terms);
  if (!found) {
    // Marked Han pieces (see `hanPieces`) are not words: only words have concepts.
    found = new Set([...terms].filter((t) => !isPiece(t)).flatMap(termClasses));
    ofPassage.set(terms, found);
  }
  return found;
}
