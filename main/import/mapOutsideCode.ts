const fenced = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n\1?\2[`~]*[ \t]*(?=\n|$)|$)/gm;
const inline = /(`+)[\s\S]*?\1/g;

/** Apply `edit` to the Markdown text outside fenced code blocks and inline code spans. */
export function mapOutsideCode(markdown: string, edit: (text: string) => string): string {
  const apply = (text: string) => {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(inline)) {
      out += edit(text.slice(last, m.index)) + m[0];
      last = m.index + m[0].length;
    }
    return out + edit(text.slice(last));
  };
  let out = '';
  let last = 0;
  for (const m of markdown.matchAll(fenced)) {
    out += apply(markdown.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + apply(markdown.slice(last));
}
