/** A Markdown image with the caption (or alt) as its text; paths with spaces go in angle brackets. */
export function imageMarkdown(src: string, caption: string): string {
  const text = caption
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([[\]])/g, '\\$1');
  const target = /[\s()]/.test(src.trim()) ? `<${src.trim()}>` : src.trim();
  return `![${text}](${target})`;
}
