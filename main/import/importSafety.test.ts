import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../tests/fixtures/tempWorkspace.js';
import { importPaths } from './importPaths.js';

let ctx: Awaited<ReturnType<typeof tempWorkspace>>;
let src: string;
beforeEach(async () => {
  ctx = await tempWorkspace();
  src = path.join(ctx.dir, 'src');
  await mkdir(src);
});
afterEach(() => ctx.cleanup());

/** Markdown that tries every way of carrying script into an article. */
export const hostileMarkdown = [
  '# Hostile page',
  '',
  'Intro with <img src=x onerror="alert(1)"> an image and <b onmouseover="alert(2)">bold</b> text.',
  '',
  '<script>alert(3)</script>',
  '',
  '<iframe src="https://evil.example/"></iframe>',
  '',
  '[click me](javascript:alert(4)) and [encoded](&#106;avascript:alert(5)) and [ok](https://example.com/help).',
  '',
  '<div onclick="alert(6)"><a href="javascript:alert(7)">div link</a> kept text</div>',
  '',
  '![pic](javascript:alert(8))',
  '',
  '```html',
  '<script>console.log("code stays code")</script>',
  '```',
].join('\n');

const executable = /<script|<iframe|\son\w+\s*=|javascript:|&#106;avascript/i;

describe('import safety', () => {
  it('stores no executable HTML from Markdown, keeping the text and code blocks', async () => {
    await writeFile(path.join(src, 'hostile.md'), hostileMarkdown);
    const report = await importPaths(ctx.store, [src]);
    expect(report.failed).toEqual([]);
    const text = await readFile(path.join(ctx.ws.articlesDir, 'hostile.md'), 'utf8');
    const outsideCode = text.replace(/```[\s\S]*?```/g, '');
    expect(outsideCode).not.toMatch(executable);
    expect(outsideCode).toContain('bold');
    expect(outsideCode).toContain('kept text');
    expect(outsideCode).toContain('[ok](https://example.com/help)');
    expect(text).toContain('<script>console.log("code stays code")</script>');
    expect(report.imported[0]!.notes?.join(' ')).toMatch(/sanitised/);
  });

  it('keeps escaped HTML in an HTML page as text, never as live HTML', async () => {
    await writeFile(
      path.join(src, 'escaped.html'),
      '<h1>Escaped</h1><p>Type &lt;img src=x onerror=alert(1)&gt; to see the bug.</p>',
    );
    await importPaths(ctx.store, [src]);
    const { body } = await ctx.store.get('escaped');
    expect(body).not.toMatch(/(^|[^\\])<img/);
    expect(body).toContain('onerror');
  });
});
