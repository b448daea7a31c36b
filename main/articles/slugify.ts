import { maxIdBytes } from './articleMeta.js';

const maxChars = 80;

/**
 * An id from a title or file name, readable in any script: "Refund policy (EU)" -> "refund-policy-eu",
 * "退款 政策" -> "退款-政策". Accents are dropped from Latin letters. Empty when nothing is left.
 */
export function slugify(title: string): string {
  let slug = title
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  slug = [...slug].slice(0, maxChars).join('');
  while (Buffer.byteLength(slug, 'utf8') > maxIdBytes) slug = [...slug].slice(0, -1).join('');
  return slug.replace(/-+$/, '');
}
