import { Lexer, type Token, type Tokens } from 'marked';

const entities = new Map(Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }));

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] !== '#') return entities.get(name.toLowerCase()) ?? all;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? []).map(tokenText).join('');
}

function tokenText(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'hr':
      return '';
    case 'br':
      return '\n';
    case 'image':
      return (token as Tokens.Image).text;
    case 'html':
      return token.raw.replace(/<[^>]*>/g, '');
    case 'code':
    case 'codespan':
    case 'escape':
      return (token as Tokens.Codespan).text;
    case 'list':
      return (token as Tokens.List).items.map((item) => inline(item.tokens).trim()).join('\n');
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((row) => row.map((cell) => inline(cell.tokens)).join(' · ')).join('\n');
    }
    default:
      if ('tokens' in token && token.tokens) return inline(token.tokens);
      return 'text' in token && typeof token.text === 'string' ? token.text : '';
  }
}

/**
 * Markdown as the reader would see it: no `**`, links as their text, images as their alt text,
 * table rows as cells separated by " · ", one block per line.
 */
export function snippetText(markdown: string): string {
  return new Lexer({ gfm: true })
    .lex(markdown)
    .map((token) => tokenText(token).trim())
    .filter(Boolean)
    .map(decodeEntities)
    .join('\n');
}

/** How much of a search result's text is shown. */
export const snippetChars = 420;

/** The start of a Markdown text as the reader sees it, cut at `maxChars` with "…". */
export function snippet(markdown: string, maxChars = snippetChars): string {
  const text = snippetText(markdown);
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
