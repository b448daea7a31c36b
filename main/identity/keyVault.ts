import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { atomicWrite } from '../workspace/index.js';

/** Where this machine keeps members' private keys, by public-key fingerprint. */
export interface KeyVault {
  read(fingerprint: string): Promise<string | undefined>;
  write(fingerprint: string, privateKeyPem: string): Promise<void>;
  /** Where the keys live, for messages. */
  readonly where: string;
}

/**
 * Private keys as `0600` PEM files in `<configDir>/keys/` (the command line and the browser
 * studio; the desktop app wraps them with Electron safeStorage instead).
 */
export function fileKeyVault(configDir: string): KeyVault {
  const dir = path.join(configDir, 'keys');
  const file = (fp: string) => path.join(dir, `${fp.replace(/[^\w-]/g, '')}.pem`);
  return {
    where: dir,
    async read(fingerprint) {
      try {
        return await readFile(file(fingerprint), 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return undefined;
        throw new AlmanacError(
          'DAMAGED',
          `The key file ${file(fingerprint)} cannot be read (${code ?? (err as Error).message}). Fix its permissions, or ask a manager to rotate the key and join again.`,
          { problems: [{ file: file(fingerprint), message: `cannot be read (${code})` }] },
        );
      }
    },
    async write(fingerprint, pem) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await atomicWrite(file(fingerprint), pem, { mode: 0o600 });
    },
  };
}
