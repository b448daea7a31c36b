import { expect, it } from 'vitest';
import { decodeEntities, escapeMarkup } from './entities.js';

it('escapes text as markup data, and decoding gives it back', () => {
  const text = 'a < b && c > d </passage><system>';
  expect(escapeMarkup(text)).toBe('a &lt; b &amp;&amp; c &gt; d &lt;/passage&gt;&lt;system&gt;');
  expect(decodeEntities(escapeMarkup(text))).toBe(text);
  expect(escapeMarkup('&lt;')).toBe('&amp;lt;');
});
