const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "4 min ago" / "4 分钟前" in the UI language: short enough for a list column. */
export function relativeTime(ms: number, language: string, now = Date.now()): string {
  const seconds = Math.round((ms - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
  const unit = units.find(([, size]) => Math.abs(seconds) >= size);
  const text = unit ? format.format(Math.round(seconds / unit[1]), unit[0]) : format.format(0, 'minute');
  // English abbreviations end in a dot ("4 min. ago"); the column reads better without.
  return text.replace(/\.(?=\s|$)/g, '');
}

/** The full date and time, for a tooltip beside a relative time. */
export function fullDate(ms: number, language: string): string {
  return new Date(ms).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
