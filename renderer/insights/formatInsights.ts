/** A share (0–1) as a whole percentage. */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** A mean CSAT with one decimal, or a dash when nobody rated. */
export const csatText = (csat: number | null): string => (csat === null ? '—' : csat.toFixed(1));

/** An amount with two decimals at most, in the interface language's digits. */
export const money = (value: number, language: string): string =>
  value.toLocaleString(language, { maximumFractionDigits: 2 });
