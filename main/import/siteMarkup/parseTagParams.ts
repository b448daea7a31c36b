export interface TagParams {
  positional: string[];
  named: Record<string, string>;
}

const param =
  /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+))|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+)/g;

const unescape = (s: string): string => s.replace(/\\(["'\\])/g, '$1');

/** Split a Liquid tag or Hugo shortcode argument string into positional and `key="value"` params. */
export function parseTagParams(source: string): TagParams {
  // No prototype: a parameter named `__proto__` or `constructor` is a parameter like any other.
  const result: TagParams = { positional: [], named: Object.create(null) as Record<string, string> };
  for (const m of source.matchAll(param)) {
    if (m[1]) result.named[m[1].toLowerCase()] = unescape(m[2] ?? m[3] ?? m[4] ?? '');
    else result.positional.push(unescape(m[5] ?? m[6] ?? m[7] ?? ''));
  }
  return result;
}

/** The first named param present among `keys`. */
export function pick(params: TagParams, ...keys: string[]): string | undefined {
  for (const key of keys) if (Object.hasOwn(params.named, key)) return params.named[key];
  return undefined;
}
