import { sentenceSegments } from './words.js';

/** Abbreviations ICU's sentence rules end a sentence at ("e.g. Visa"): a sentence never ends on one. */
const abbreviation =
  /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|excl|esp|min|max|no|nos|fig|figs|vol|p|pp|mr|mrs|ms|dr|prof|st|jr|sr|inc|ltd|co|corp|dept|est|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|u\.s|u\.k|a\.m|p\.m)\.\s*$/i;

/**
 * The sentences of a paragraph, by ICU's sentence rules (Intl.Segmenter), never ending at an
 * abbreviation ("e.g.", "approx.", "Mr.") or a decimal point, nor at a "?" that the sentence goes on
 * after in lower case; the text should be one paragraph with
 * its line breaks already joined. Trimmed, empty ones left out.
 */
export function sentences(text: string, locale = 'en'): string[] {
  const out: string[] = [];
  let pending = '';
  for (const { segment } of sentenceSegments(text, locale)) {
    pending += segment;
    if (abbreviation.test(pending)) continue;
    if (pending.trim()) out.push(pending.trim());
    pending = '';
  }
  if (pending.trim()) out.push(pending.trim());
  // A "?" or "!" inside a sentence (the "Forgot your password?" link) does not end it when the
  // words after it go on in lower case.
  return out.reduce<string[]>((kept, s) => {
    if (kept.length && /[?!]["'”’)\]]*$/.test(kept.at(-1)!) && /^[a-z]/.test(s)) kept[kept.length - 1] += ` ${s}`;
    else kept.push(s);
    return kept;
  }, []);
}

/**
 * Whether a sentence or paragraph introduces the block after it ("try the following:", "This can be
 * checked with the following steps.", "步骤如下："), so the two belong together.
 */
export function introducesNext(text: string): boolean {
  return /[:：]\s*$|\b(the following( \w+)?|as follows|below)\s*[.!]?\s*$|(如下|以下[^。]{0,8})[。：:]?\s*$/i.test(
    text.trim(),
  );
}
