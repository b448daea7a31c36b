import { AlmanacError } from '../AlmanacError.js';

export interface OutputOptions {
  json?: boolean;
}

/** Print one JSON document with --json, or the human-readable text otherwise. */
export function emit(options: OutputOptions, data: unknown, human: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
}

const exitCodes: Partial<Record<string, number>> = { VALIDATION_FAILED: 2, NOT_A_WORKSPACE: 2 };

/** Errors go to stderr with a message that says what to do, and a non-zero exit code. */
export function fail(err: unknown): never {
  if (err instanceof AlmanacError) {
    process.stderr.write(`almanac: ${err.message}\n`);
    for (const p of err.details?.problems ?? []) {
      process.stderr.write(
        `  ${[p.file, p.field].filter(Boolean).join(': ')}: ${p.message}${p.fix ? `\n    fix: ${p.fix}` : ''}\n`,
      );
    }
    process.exit(exitCodes[err.code] ?? 1);
  }
  process.stderr.write(`almanac: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
}

export function relativeTime(ms: number, now = Date.now()): string {
  const s = Math.round((now - ms) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(ms).toISOString().slice(0, 10);
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length))).join('  '))
    .join('\n');
}
