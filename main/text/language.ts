const han = /\p{Script=Han}/u;

/** The language a text is written in: Chinese when its Han characters outnumber its Latin words. */
export function textLanguage(text: string): 'zh' | 'en' {
  const hanCount = [...text].filter((c) => han.test(c)).length;
  const latinWords = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  return hanCount > 0 && hanCount >= latinWords ? 'zh' : 'en';
}

/** The language of a locale, lower-cased: `zh` for `zh-CN` and `zh_TW`, `en` for `en-GB`. */
export function localeLanguage(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? '';
}
