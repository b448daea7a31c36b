import { fenceRoles, parseFence, replaceInProse } from './codeRanges.js';

const headingAnchor =
  /^((?:[ \t]*>)*[ \t]*#{1,6}[ \t].*?)[ \t]*\{[ \t]*[#.][\w:.\-\u00a0-\uffff]+(?:[ \t]+[^}\n]{0,300})?\}[ \t]*$/gm;
const kramdownToc = /^[ \t]*(?:[*+-]|1\.)[ \t]+[^\n]*\n[ \t]*\{:[ \t]*\.?toc[ \t]*\}[ \t]*$/gm;
const kramdownComment =
  /\{::comment\}[\s\S]*?\{:\/comment\}|\{::nomarkdown\}|\{:\/nomarkdown\}|\{::options[^}\n]{0,300}\/\}/g;
const ial = /\{:(?!:)[^}\n]{0,300}\}/g;
// attr_list / markdown-it-attrs: `{ .md-button }`, `{#id .class}`
const attrList = /\{[ \t]*[.#][\w-][^}\n]{0,300}\}/g;
const tocMarker = /^[ \t]*(?:\[\[toc\]\]|\[TOC\]|\$\{toc\})[ \t]*$/gim;

/** Heading anchors `{#id}`, kramdown attribute lists `{: .class}` and `{:toc}`, and `[[toc]]` markers go. */
export function removeAttributeLists(text: string): string {
  let out = replaceInProse(text, headingAnchor, (m) => m[1]!);
  out = replaceInProse(out, kramdownToc, () => '\uE000');
  out = replaceInProse(out, kramdownComment, () => '\uE000');
  out = replaceInProse(out, ial, () => '\uE000', true);
  out = replaceInProse(out, attrList, () => '\uE000', true);
  return replaceInProse(out, tocMarker, () => '\uE000');
}

/**
 * Reduce every fence's info string to its language: ```` ```ts twoslash {1,3} title="x" ```` becomes
 * ```` ```ts ````. The label a reader saw above the code (a VitePress code-group tab `[npm]`, a
 * `title="config.ts"`) stays, as a bold line before the fence.
 */
export function reduceFenceMeta(text: string): string {
  const lines = text.split('\n');
  const roles = fenceRoles(lines);
  return lines
    .map((line, i) => {
      const fence = roles[i] === 'open' ? parseFence(line) : undefined;
      if (!fence) return line;
      const lang = /^\s*\{?\.?([\w#+-]+(?:\.[\w#+-]+)*)/.exec(fence.info)?.[1] ?? '';
      const indent = line.slice(0, line.indexOf(fence.marker));
      const label = (/\[([^\]\n]+)\]/.exec(fence.info) ?? /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(fence.info))
        ?.slice(1)
        .find((g) => g !== undefined)
        ?.trim();
      return `${label ? `${indent}**${label}**\n` : ''}${indent}${fence.marker}${lang}`;
    })
    .join('\n');
}
