/** A share (0–1) as a whole percentage. */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** A mean CSAT with one decimal, or a dash when nobody rated. */
export const csatText = (csat: number | null): string => (csat === null ? '—' : csat.toFixed(1));

/** The currencies costs can be given in (ISO 4217). */
export const currencies = ['USD', 'EUR', 'GBP', 'CNY', 'HKD', 'JPY', 'SGD', 'AUD', 'CAD'] as const;

/** An amount in the configured currency, with the interface language's digits and sign ("US$1,234.50", "¥1,234.50"). */
export const money = (value: number, language: string, currency: string): string =>
  value.toLocaleString(language, { style: 'currency', currency, maximumFractionDigits: 2 });
