const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Lower-cased words separated by spaces, so LanceDB's whitespace tokenizer sees Chinese words
 * (ICU's dictionary segmentation) as well as Latin ones. Index and query text go through this.
 */
export function segmentForIndex(text: string): string {
  const words: string[] = [];
  for (const s of segmenter.segment(text.toLowerCase())) if (s.isWordLike) words.push(s.segment);
  return words.join(' ');
}

/** The words of a query as the index sees them, for highlighting matched terms. */
export function queryTerms(query: string): string[] {
  return [...new Set(segmentForIndex(query).split(' ').filter(Boolean))];
}

/** Chinese words that only frame a question (particles, asking, wanting): no topic, ever. */
const hanFraming = new Set(
  [...'吗呢吧啊呀嘛了的'].concat(
    ['请问', '你好', '您好', '谢谢', '一下', '怎么办', '咋办', '可以', '能', '想', '要'],
    [
      '多少',
      '多少钱',
      '什么',
      '怎么',
      '怎样',
      '如何',
      '为什么',
      '为何',
      '哪里',
      '哪些',
      '是否',
      '能否',
      '有没有',
      '能不能',
      '可不可以',
    ],
    // The same in traditional characters.
    [...'嗎麼'].concat(['請問', '謝謝', '怎麼辦', '什麼', '怎麼', '怎樣', '為什麼', '為何', '哪裡', '有沒有']),
  ),
);

/**
 * A question as the lexical index should read it: its words, without the Chinese particles and
 * asking words that a small knowledge base would otherwise count as rare and therefore telling
 * ("吗" in a handful of FAQ answers). Kept whole when nothing else is left.
 */
export function lexicalQuery(query: string): string {
  const words = segmentForIndex(query).split(' ').filter(Boolean);
  const kept = words.filter((w) => !hanFraming.has(w));
  return (kept.length ? kept : words).join(' ');
}
