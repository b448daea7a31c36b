import { marked, type Token, type Tokens } from 'marked';
import { decodeEntities } from '../text/index.js';
import { sentences } from '../text/index.js';

/** One readable unit of a passage: a sentence, a list item or a table row, as plain text. */
export interface PassageUnit {
  text: string;
  kind: 'sentence' | 'item' | 'row';
  /** Reading order within the passage. */
  position: number;
  /** The block (paragraph, list, table) it belongs to: units of one block are read together. */
  block: number;
  /** The heading it sits under inside the passage, when the passage has one above it (a bold line counts). */
  heading?: string;
  /** Which Markdown section of the passage it is in: counts headings, not bold lines that label a part of one. */
  section: number;
  /** For a list item: whether its list is numbered, and its number there. */
  ordered?: boolean;
  number?: number;
  /** For a table row: its first cell (what the row is about) and the table's column names. */
  key?: string;
  columns?: string[];
}

const alertMarker = /^\s*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION|INFO|DANGER)\]\s*/i;

/** Inline Markdown as the plain text a reader sees: marks, link syntax, tags and entities gone; inline code whole. */
export function inlineText(tokens: Token[] | undefined, fallback = ''): string {
  if (!tokens) return decodeEntities(fallback);
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'codespan':
        out += (t as Tokens.Codespan).text;
        break;
      case 'image':
        break;
      case 'html': {
        // A placeholder the writer meant as text (`<USERNAME>`) stays; real tags go.
        const raw = (t as Tokens.HTML).raw.trim();
        if (/^<[A-Z][A-Z0-9_-]*>$/.test(raw)) out += raw;
        break;
      }
      case 'br':
        out += ' ';
        break;
      case 'escape':
        out += (t as Tokens.Escape).text;
        break;
      case 'text':
        out +=
          'tokens' in t && t.tokens ? inlineText(t.tokens) : decodeEntities((t as Tokens.Text).text.replace(tag, ' '));
        break;
      default:
        out +=
          'tokens' in t && Array.isArray(t.tokens)
            ? inlineText(t.tokens as Token[])
            : decodeEntities(String((t as { text?: string }).text ?? ''));
    }
  }
  return out;
}

/** An HTML or JSX tag left in text (`<img src={…} />`, `<br>`), but not a placeholder like `<USERNAME>`. */
const tag = /<\/?[a-z][\w.-]*(?:\s[^<>]*)?\/?>|<[A-Za-z][\w.-]*\s[^<>]*\/?>|<\/?[A-Z][\w.]*[a-z][\w.]*\s*\/?>/g;

const tidy = (text: string) => text.replace(alertMarker, '').replace(/\s+/g, ' ').trim();

/** A table row read with its column names: "Alipay: 1–3 business days"; with more columns, each value named. */
function rowText(cells: string[], header: string[]): string {
  const [first = '', ...rest] = cells;
  const values = rest.filter((c) => c);
  if (!first) return values.join('; ');
  if (rest.length <= 1) return values.length ? `${first}: ${values[0]}` : first;
  const named = rest.map((c, i) => (c ? (header[i + 1] ? `${header[i + 1]} ${c}` : c) : '')).filter(Boolean);
  return named.length ? `${first}: ${named.join('; ')}` : first;
}

/** A sentence of one or two words, or up to four Chinese characters: "Yes!", "No, sorry.", "可以。". */
function isInterjection(sentence: string): boolean {
  const han = sentence.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han) return han <= 4 && sentence.length <= 6;
  return sentence.split(/\s+/).length <= 2 && sentence.length <= 16 && /[.!。！]$/.test(sentence);
}

const joinSentences = (a: string, b: string) => (/\p{Script=Han}/u.test(a) ? `${a}${b}` : `${a} ${b}`);

/**
 * A Markdown passage as the units a reader sees, in order: each sentence of a paragraph (ICU sentence
 * rules, line breaks joined, abbreviations kept whole), each list item, each table row with its
 * column names; headings set the context of what follows; code blocks are left out.
 */
export function passageUnits(markdown: string, locale = 'en'): PassageUnit[] {
  const out: PassageUnit[] = [];
  let heading: string | undefined;
  let section = 0;
  let block = 0;
  let position = 0;
  const push = (text: string, unit: Omit<PassageUnit, 'text' | 'position' | 'heading' | 'section'>) => {
    const clean = tidy(text);
    if (clean) out.push({ text: clean, position: position++, section, ...(heading ? { heading } : {}), ...unit });
  };
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      switch (t.type) {
        case 'heading':
          heading = tidy(inlineText((t as Tokens.Heading).tokens, (t as Tokens.Heading).text)) || heading;
          section++;
          break;
        case 'paragraph':
        case 'text': {
          block++;
          let tokens = (t as Tokens.Paragraph).tokens;
          // An alert's marker line ("> [!NOTE]") is not text.
          if (
            tokens?.[0]?.type === 'text' &&
            /^\s*\[![a-z]+\]\s*$/i.test((tokens[0] as Tokens.Text).raw.split('\n')[0]!)
          ) {
            const rest = (tokens[0] as Tokens.Text).raw.replace(/^\s*\[![a-z]+\]\s*/i, '');
            tokens = rest ? tokens : tokens.slice(1);
          }
          // A bold line on its own ("**Storage prices**" above a table) is a heading.
          const bare = (tokens ?? []).filter((x) => !(x.type === 'text' && !(x as Tokens.Text).raw.trim()));
          if (bare.length === 1 && bare[0]!.type === 'strong') {
            heading = tidy(inlineText((bare[0] as Tokens.Strong).tokens)) || heading;
            break;
          }
          // So is one above text ("**Contacting support**" then the text).
          const [first, second] = tokens ?? [];
          if (first?.type === 'strong' && second?.type === 'text' && /^\s*\n/.test((second as Tokens.Text).raw)) {
            heading = tidy(inlineText((first as Tokens.Strong).tokens)) || heading;
            tokens = tokens!.slice(1);
          }
          const text = tidy(inlineText(tokens, (t as Tokens.Paragraph).text));
          const said = sentences(text, locale);
          for (let i = 0; i < said.length; i++) {
            // "Yes!" or "No." alone is half an answer: it is read with the sentence after it.
            const short = i + 1 < said.length && isInterjection(said[i]!);
            push(short ? joinSentences(said[i]!, said[++i]!) : said[i]!, { kind: 'sentence', block });
          }
          break;
        }
        case 'blockquote':
          walk((t as Tokens.Blockquote).tokens);
          break;
        case 'list': {
          const list = t as Tokens.List;
          const id = ++block;
          list.items.forEach((item, i) => {
            const own = item.tokens.filter((x) => x.type !== 'list');
            const text = own
              .map((x) =>
                'tokens' in x && x.tokens
                  ? inlineText(x.tokens as Token[])
                  : decodeEntities(String((x as { text?: string }).text ?? '')),
              )
              .join(' ');
            push(text, {
              kind: 'item',
              block: id,
              ordered: list.ordered,
              number: (typeof list.start === 'number' ? list.start : 1) + i,
            });
            const nested = item.tokens.filter((x) => x.type === 'list');
            if (nested.length) walk(nested);
          });
          break;
        }
        case 'table': {
          const table = t as Tokens.Table;
          const id = ++block;
          const header = table.header.map((c) => tidy(inlineText(c.tokens, c.text)));
          for (const row of table.rows) {
            const cells = row.map((c) => tidy(inlineText(c.tokens, c.text)));
            push(rowText(cells, header), { kind: 'row', block: id, key: cells[0] ?? '', columns: header });
          }
          break;
        }
        case 'html': {
          block++;
          const text = decodeEntities((t as Tokens.HTML).text.replace(/<[^>]*>/g, ' '));
          for (const s of sentences(tidy(text), locale)) push(s, { kind: 'sentence', block });
          break;
        }
        default:
          break;
      }
    }
  };
  walk(marked.lexer(markdown));
  return out;
}
