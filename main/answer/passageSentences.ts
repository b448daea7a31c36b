/** A sentence of a passage as plain text, with where it sits in the passage. */
export interface PassageSentence {
  text: string;
  /** Line order within the passage, for putting picked sentences back in reading order. */
  position: number;
  /** The heading the sentence sits under inside the passage, when the passage has one above it. */
  heading?: string;
  /** Part of a numbered or bulleted list (a step, an option). */
  listItem?: boolean;
}

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let s = sentenceSegmenters.get(locale);
  if (!s) sentenceSegmenters.set(locale, (s = new Intl.Segmenter(locale || 'en', { granularity: 'sentence' })));
  return s;
}

const headingLine = /^#{1,6}\s+(.*)$/;
const tableSeparator = /^\|?[\s:|-]+\|[\s:|-]*$/;

function inline(text: string): string {
  return text
    .replace(/^>\s?/, '')
    .replace(/^([-*+]|\d+[.)])\s+/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/<[^>]+>/g, '')
    .trim();
}

function cellsOf(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => inline(c));
}

/** A table row read with its column names: "Alipay — Time after we issue the refund: 1–3 business days". */
function tableRow(cells: string[], header: string[] | undefined): string {
  const [first = '', ...rest] = cells;
  if (!header) return cells.filter(Boolean).join(', ');
  const values = rest.map((c, i) => (header[i + 1] ? `${header[i + 1]}: ${c}` : c)).filter((c) => c.trim());
  return values.length ? `${first} — ${values.join('; ')}` : first;
}

/** A passage as the lines a reader sees: headings apart, list markers and Markdown marks gone, table rows with their column names. */
function plainLines(markdown: string): { text?: string; heading?: string; listItem?: boolean }[] {
  const out: { text?: string; heading?: string; listItem?: boolean }[] = [];
  const lines = markdown.split('\n');
  let header: string[] | undefined;
  lines.forEach((line, i) => {
    const t = line.trim();
    const h = headingLine.exec(t);
    if (h) return out.push({ heading: inline(h[1]!) });
    if (!t || /^([-*_])\1{2,}$/.test(t) || tableSeparator.test(t)) return;
    if (t.startsWith('|')) {
      const cells = cellsOf(t);
      if (tableSeparator.test(lines[i + 1]?.trim() ?? '')) {
        header = cells;
        return;
      }
      return out.push({ text: tableRow(cells, header) });
    }
    header = undefined;
    const text = inline(t);
    if (text) out.push({ text, ...(/^([-*+]|\d+[.)])\s/.test(t) ? { listItem: true } : {}) });
  });
  return out;
}

/** Split a Markdown passage into plain sentences: each list item and table row is its own sentence. */
export function passageSentences(markdown: string, locale = 'en'): PassageSentence[] {
  const out: PassageSentence[] = [];
  let position = 0;
  let heading: string | undefined;
  for (const line of plainLines(markdown)) {
    if (line.heading !== undefined) {
      heading = line.heading;
      continue;
    }
    for (const s of segmenter(locale).segment(line.text!)) {
      const text = s.segment.trim();
      if (text)
        out.push({
          text,
          position: position++,
          ...(heading ? { heading } : {}),
          ...(line.listItem ? { listItem: true } : {}),
        });
    }
  }
  return out;
}

/** The sentences of an answer: the citation marks `[1]` stay with the sentence they follow. */
export function answerSentences(answer: string, locale = 'en'): string[] {
  const out: string[] = [];
  for (const line of plainLines(answer)) {
    // Split at the marks first: a sentence segmenter may cut "。[1]" between "[" and "1]".
    const text = (line.text ?? line.heading ?? '').replace(/((?:\s*\[\d+\])+)([.!?。！？])/g, '$2$1');
    for (const part of text.split(/((?:\s*\[\d+\])+)/)) {
      if (/^(\s*\[\d+\])+$/.test(part)) {
        if (out.length) out[out.length - 1] += ` ${part.trim()}`;
        continue;
      }
      for (const s of segmenter(locale).segment(part)) {
        const text = s.segment.trim();
        if (text) out.push(text);
      }
    }
  }
  return out;
}
