import { marked, type Token } from 'marked';

const url = /(?:\b[a-z][a-z\d+.-]*:\/\/|\bwww\.)[\w\-.~:/?#[\]@!$&'()*+,;=%]*/gi;
const tag = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<\/?[a-z][^>]*>/gi;
const entity = /&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function plain(text: string): string {
  return text
    .replace(entity, (_, dec?: string, hex?: string, name?: string) =>
      name ? named[name.toLowerCase()]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
    )
    .replace(url, ' ');
}

const blocks = new Set(['heading', 'paragraph', 'blockquote', 'code', 'html', 'table', 'list', 'list_item', 'space']);

function collect(tokens: Token[], out: string[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'def':
      case 'hr':
      case 'checkbox':
        break;
      case 'html':
        out.push(plain(token.text.replace(tag, ' ')));
        break;
      case 'image':
        out.push(plain(token.text));
        break;
      case 'br':
        out.push(' ');
        break;
      case 'table':
        for (const row of [token.header, ...token.rows])
          for (const cell of row) {
            collect(cell.tokens, out);
            out.push(' ');
          }
        break;
      case 'list':
        collect(token.items, out);
        break;
      default:
        if ('tokens' in token && token.tokens) collect(token.tokens, out);
        else if ('text' in token && typeof token.text === 'string') out.push(plain(token.text));
    }
    if (blocks.has(token.type)) out.push('\n');
  }
}

/**
 * The words of a Markdown chunk as the full-text index should see them: link and image text
 * without their targets, no bare URLs, no HTML tags, no reference definitions.
 */
export function lexicalText(markdown: string): string {
  const out: string[] = [];
  collect(marked.lexer(markdown), out);
  return out.join('');
}
