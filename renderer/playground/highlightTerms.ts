/** A run of result text, and whether it is a word the search matched. */
export interface TextRun {
  text: string;
  hit: boolean;
}

// The same segmenter the index uses (segmentForIndex), so words here are the words it matched.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const vowel = /[aeiouy]/;

/** Lower-cased and accent-free, as the full-text index folds words. */
function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The inflectional steps (1a-1c) of the Porter2 stemmer the index runs, so `refund` matches
 * `refunds` and `refunded`; derivational suffixes (-ation, -ness) are left alone.
 */
export function stemWord(word: string): string {
  let w = fold(word);
  if (!/^[a-z]{3,}$/.test(w)) return w;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(ied|ies)$/.test(w)) w = w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
  else if (w.endsWith('s') && !/(us|ss)$/.test(w) && vowel.test(w.slice(0, -2))) w = w.slice(0, -1);
  const suffix = /eed(ly)?$/.test(w) ? undefined : /(ingly|edly|ing|ed)$/.exec(w);
  if (/eed(ly)?$/.test(w) && w.length > 4) w = w.replace(/eed(ly)?$/, 'ee');
  if (suffix && vowel.test(w.slice(0, suffix.index))) {
    w = w.slice(0, suffix.index);
    if (/(at|bl|iz)$/.test(w)) w += 'e';
    else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) w = w.slice(0, -1);
    else if (/^[^aeiouy]*[aeiouy][^aeiouywxy]$/.test(w)) w += 'e';
  }
  if (w.length > 2 && /[^aeiou]y$/.test(w)) w = `${w.slice(0, -1)}i`;
  return w;
}

/**
 * Split text into runs, marking whole words (segmented as the index segments them, Chinese
 * included) that equal a query term or share its stem; never a piece of a longer word.
 */
export function highlightTerms(text: string, terms: string[]): TextRun[] {
  const stems = new Set(terms.filter((t) => t.length > 0).map(stemWord));
  const runs: TextRun[] = [];
  for (const s of segmenter.segment(text)) {
    const hit = Boolean(s.isWordLike) && stems.has(stemWord(s.segment));
    const last = runs.at(-1);
    if (last && !hit && !last.hit) last.text += s.segment;
    else runs.push({ text: s.segment, hit });
  }
  return runs;
}
