export interface CspOptions {
  /** The dev server's origin (`npm run dev`): its HMR socket needs `connect-src ws:` there, and nowhere else. */
  devServer?: string;
  /** Hashes (`'sha256-…'`) of inline scripts the dev server injects, such as React's refresh preamble. */
  scriptHashes?: string[];
  /** For a `<meta>` tag, which cannot carry `frame-ancestors`. */
  meta?: boolean;
}

/** Build the studio's CSP, the one source for the HTTP header, Electron's header and index.html's `<meta>`. */
export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const ws = options.devServer?.replace(/^http/, 'ws');
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...(options.scriptHashes ?? [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(ws ? [ws] : [])],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ...(options.meta ? [] : [['frame-ancestors', "'none'"] as [string, string]]),
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The studio's CSP: only its own scripts, no remote anything, no plugins, no framing. */
export const contentSecurityPolicy = buildContentSecurityPolicy();
