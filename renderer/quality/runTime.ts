/** When a run happened, to the second: two runs a minute apart must read differently. */
export function runTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'medium' });
}
