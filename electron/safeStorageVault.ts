import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { KeyVault } from '../main/identity';

/**
 * Private keys encrypted with the OS keychain through Electron safeStorage, as `<fp>.key` files in
 * `<userData>/keys/`; where the OS offers no encryption, the command line's 0600 files are used instead.
 */
export function safeStorageVault(dir: string, fallback: KeyVault): KeyVault {
  const file = (fp: string) => path.join(dir, `${fp.replace(/[^\w-]/g, '')}.key`);
  return {
    where: `${dir} (encrypted by the OS keychain)`,
    async read(fingerprint) {
      const sealed = await readFile(file(fingerprint)).catch(() => undefined);
      if (sealed && safeStorage.isEncryptionAvailable()) {
        try {
          return safeStorage.decryptString(sealed);
        } catch {
          // Sealed by another OS account or damaged: the core reports it as a damaged key.
          return '(undecryptable key)';
        }
      }
      return fallback.read(fingerprint);
    },
    async write(fingerprint, pem) {
      if (!safeStorage.isEncryptionAvailable()) return fallback.write(fingerprint, pem);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temp = `${file(fingerprint)}.${process.pid}.tmp`;
      await writeFile(temp, safeStorage.encryptString(pem), { mode: 0o600 });
      await rename(temp, file(fingerprint));
    },
  };
}
