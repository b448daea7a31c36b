import { describe, expect, it } from 'vitest';
import { sanitizeMarkdown } from './sanitizeMarkdown.js';

describe('sanitizeMarkdown', () => {
  it('turns a script link into its text in place, leaving the rest of the block byte for byte', () => {
    const list = '-   first  item\n- Please [Contact us](javascript:alert(3)) today.\n';
    const out = sanitizeMarkdown(list);
    expect(out.markdown).toBe('-   first  item\n- Please Contact us today.\n');
    expect(out.notes).toEqual(['removed a javascript: link from "Contact us"']);
  });

  it('keeps a quote and its alert marker when HTML inside it is sanitised', () => {
    const out = sanitizeMarkdown('> [!TIP]\n> Call <span onclick="x()">us</span> now.\n');
    expect(out.markdown).toBe('> [!TIP]\n> Call us now.\n');
    expect(out.notes).toEqual(['removed an event handler (onclick) from <span>']);
  });

  it('reports an event handler it removes from an image', () => {
    const out = sanitizeMarkdown('See <img src="x.png" onerror="alert(1)"> here.\n');
    expect(out.markdown).not.toMatch(/onerror/);
    expect(out.notes).toContain('removed an event handler (onerror) from <img>');
  });

  it('never leaves a script link as escaped link syntax after the HTML round trip', () => {
    const out = sanitizeMarkdown('<div>Inside [Contact us](javascript:alert(3)) html</div>\n');
    expect(out.markdown).toBe('Inside Contact us html\n');
    expect(out.notes).toContain('removed a script link');
  });

  it('leaves safe Markdown alone', () => {
    const safe = '> [!NOTE]\n> Read [the guide](guide.md).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    expect(sanitizeMarkdown(safe)).toEqual({ markdown: safe, changed: 0, notes: [] });
  });

  it('keeps a Markdown link that HTML carried as text a link, and an alert inside a list item an alert', () => {
    const inHtml = sanitizeMarkdown('<div>Read [the guide](https://example.com/guide) first.</div>\n');
    expect(inHtml.markdown).toBe('Read [the guide](https://example.com/guide) first.\n');
    const list = sanitizeMarkdown('- Take an issue.\n\n  > [!NOTE]\n  > Assign yourself <br /> first.\n');
    expect(list.markdown).toMatch(/^ *> \[!NOTE\]\n *> Assign yourself/m);
    expect(list.markdown).not.toContain('\\[!NOTE');
  });
});
