import { marked, type Token } from 'marked';

const han = /\p{Script=Han}/gu;
const letters = /[\p{L}]/gu;
const url = /(?:\b[a-z][a-z\d+.-]*:\/\/|\bwww\.)[\w\-.~:/?#[\]@!$&'()*+,;=%]*/gi;
const tag = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<\/?[a-z][^>]*>/gi;

/** The prose of Markdown: no code blocks or spans, URLs, link targets or HTML tags. */
function prose(tokens: Token[], out: string[]): void {
  for (const token of tokens) {
    if (token.type === 'code' || token.type === 'codespan' || token.type === 'def') continue;
    if (token.type === 'html') out.push(token.text.replace(tag, ' '));
    else if (token.type === 'image') out.push(token.text);
    else if (token.type === 'table')
      for (const row of [token.header, ...token.rows]) for (const cell of row) prose(cell.tokens, out);
    else if (token.type === 'list') prose(token.items, out);
    else if ('tokens' in token && token.tokens) prose(token.tokens, out);
    else if ('text' in token && typeof token.text === 'string') out.push(token.text.replace(url, ' '));
    out.push(' ');
  }
}

/** Pick a workspace locale for text: Chinese when Han characters make up a good share of its prose. */
export function detectLocale(text: string, locales: string[]): string {
  const out: string[] = [];
  prose(marked.lexer(text.slice(0, 60_000)), out);
  const sample = out.join('').slice(0, 4000);
  const hanCount = sample.match(han)?.length ?? 0;
  const letterCount = sample.match(letters)?.length ?? 0;
  const chinese = letterCount > 0 && hanCount / letterCount > 0.2;
  const zh = locales.find((l) => l.startsWith('zh')) ?? 'zh-CN';
  const other = locales.find((l) => !l.startsWith('zh')) ?? 'en';
  return chinese ? zh : other;
}
