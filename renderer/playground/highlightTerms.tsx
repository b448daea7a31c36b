import type { ReactNode } from 'react';

/** Wrap every occurrence of the query's terms in <mark>, case-insensitively. */
export function highlightTerms(text: string, terms: string[]): ReactNode[] {
  const words = terms.filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  if (words.length === 0) return [text];
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}
