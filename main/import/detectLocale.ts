const han = /\p{Script=Han}/gu;
const letters = /[\p{L}]/gu;

/** Pick a workspace locale for text: Chinese when Han characters make up a good share of it. */
export function detectLocale(text: string, locales: string[]): string {
  const sample = text.slice(0, 4000);
  const hanCount = sample.match(han)?.length ?? 0;
  const letterCount = sample.match(letters)?.length ?? 0;
  const chinese = letterCount > 0 && hanCount / letterCount > 0.2;
  const zh = locales.find((l) => l.startsWith('zh')) ?? 'zh-CN';
  const other = locales.find((l) => !l.startsWith('zh')) ?? 'en';
  return chinese ? zh : other;
}
