/**
 * ICU word segmentation (Intl.Segmenter) of text of any length. V8's segmenter slows down sharply on
 * long strings (100,000 Chinese characters take seconds where 2,000-character slices take
 * milliseconds), so text is cut at line breaks, sentence ends or spaces into slices first.
 */
const segmenters = new Map<string, Intl.Segmenter>();
const sliceChars = 2000;

function segmenter(locale: string, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = `${locale}:${granularity}`;
  let s = segmenters.get(key);
  if (!s) segmenters.set(key, (s = new Intl.Segmenter(locale || undefined, { granularity })));
  return s;
}

/** Where to cut `text` near `limit` without splitting a word: a line break, a sentence end, a space. */
function cutAt(text: string, from: number, limit: number): number {
  if (limit >= text.length) return text.length;
  const window = text.slice(from, limit);
  for (const pattern of [/\n/g, /[。！？.!?;；]/g, /[\s，,、]/g]) {
    let last = -1;
    for (const m of window.matchAll(pattern)) last = m.index;
    if (last > window.length / 2) return from + last + 1;
  }
  return limit;
}

/** The text in slices of about 2,000 characters, each ending at a natural break; with each slice's offset. */
export function* slices(text: string): Generator<{ text: string; offset: number }> {
  for (let at = 0; at < text.length;) {
    const end = cutAt(text, at, at + sliceChars);
    yield { text: text.slice(at, end), offset: at };
    at = end;
  }
}

export interface Segment {
  segment: string;
  /** Offset in the whole text. */
  index: number;
  isWordLike: boolean;
}

/** Word segments of `text` (the dictionary of `locale`; Chinese by default, which handles Latin too). */
export function* wordSegments(text: string, locale = 'zh'): Generator<Segment> {
  const s = segmenter(locale, 'word');
  for (const slice of slices(text))
    for (const seg of s.segment(slice.text))
      yield { segment: seg.segment, index: slice.offset + seg.index, isWordLike: seg.isWordLike ?? false };
}

/** The word-like segments of `text`, as they are written. */
export function words(text: string, locale = 'zh'): string[] {
  const out: string[] = [];
  for (const s of wordSegments(text, locale)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * A word segmenter shaped as `Intl.Segmenter` that slices long texts as `wordSegments` does, for
 * libraries that take one (jsdiff's `intlSegmenter`).
 */
export function wordSegmenter(locale = 'zh'): Intl.Segmenter {
  const resolved = segmenter(locale, 'word').resolvedOptions();
  return {
    resolvedOptions: () => resolved,
    segment(input: string): Intl.Segments {
      const all = Array.from(wordSegments(input, locale), (s) => ({ ...s, input }));
      return {
        containing: (at = 0) => all.find((s) => s.index <= at && at < s.index + s.segment.length),
        [Symbol.iterator]: () => all[Symbol.iterator](),
      };
    },
  };
}

/** Sentences of `text` by ICU's sentence rules (abbreviations like "e.g." and decimals stay whole). */
export function* sentenceSegments(text: string, locale = 'en'): Generator<{ segment: string; index: number }> {
  const s = segmenter(locale, 'sentence');
  for (const slice of slices(text))
    for (const seg of s.segment(slice.text)) yield { segment: seg.segment, index: slice.offset + seg.index };
}

/** Whether text contains Han characters (Chinese). */
export const hasHan = (text: string): boolean => /\p{Script=Han}/u.test(text);
