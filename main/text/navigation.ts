import { marked, type Token, type Tokens } from 'marked';

/**
 * How much of a passage is navigation, 0 to 1: the share of its paragraphs and list items (by length)
 * that are nothing but a link, as on an FAQ index ("- [How do I delete my account?](account.md#…)")
 * or a "see also" list. Such a passage holds every question's words and answers none of them.
 */
export function navigationShare(markdown: string): number {
  let links = 0;
  let total = 0;
  const count = (raw: string, tokens: Token[] | undefined) => {
    const kind = inlineKind(tokens);
    if (kind === 'none') return;
    const size = raw.trim().length;
    total += size;
    if (kind === 'links') links += size;
  };
  const visit = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'list') {
        for (const item of (t as Tokens.List).items) {
          const [first, ...rest] = item.tokens;
          if (first && (first.type === 'text' || first.type === 'paragraph'))
            count(first.raw, (first as Tokens.Text).tokens);
          visit(rest);
        }
      } else if (t.type === 'paragraph') {
        count(t.raw, (t as Tokens.Paragraph).tokens);
      } else if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'heading') {
        visit(t.tokens as Token[]);
      }
    }
  };
  visit(marked.lexer(markdown));
  return total > 0 ? links / total : 0;
}

const separators = /^[\s→←»·|,;:/()–—-]*$/u;

/**
 * What a paragraph or list item says: nothing but links to elsewhere (`links`), nothing a reader
 * reads (`none`: pictures, a picture that links to its full size), or text.
 */
function inlineKind(tokens: Token[] | undefined): 'links' | 'none' | 'text' {
  if (!tokens?.length) return 'none';
  let kind: 'links' | 'none' = 'none';
  for (const t of tokens) {
    if (t.type === 'image') continue;
    if (t.type === 'link') {
      if (inlineKind((t as Tokens.Link).tokens) !== 'none') kind = 'links';
    } else if (t.type === 'text' && 'tokens' in t && t.tokens?.length) {
      const inner = inlineKind(t.tokens);
      if (inner === 'text') return 'text';
      if (inner === 'links') kind = 'links';
    } else if (!((t.type === 'text' || t.type === 'br' || t.type === 'space') && separators.test(t.raw))) return 'text';
  }
  return kind;
}
