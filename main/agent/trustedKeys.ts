import { readFile } from 'node:fs/promises';
import { AlmanacError } from '../AlmanacError.js';
import { isPublicKey } from '../team/index.js';

/**
 * The publisher keys an agent trusts, from a file: a workspace's `almanac.json` (its managers'
 * current and retired keys), a JSON array of keys, or one `ed25519:…` key per line (`#` comments).
 */
export async function readTrustedKeys(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AlmanacError('NOT_FOUND', `Cannot read the trusted keys file ${file}.`);
  }
  let keys: string[];
  try {
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(value)) keys = value.filter((k): k is string => typeof k === 'string');
    else {
      const team = (
        value as { team?: { roles?: string[]; publicKey?: string; retiredKeys?: { publicKey: string }[] }[] }
      ).team;
      keys = (team ?? [])
        .filter((m) => m.roles?.includes('manager'))
        .flatMap((m) => [m.publicKey, ...(m.retiredKeys ?? []).map((r) => r.publicKey)])
        .filter((k): k is string => Boolean(k));
    }
  } catch {
    keys = text
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean);
  }
  const bad = keys.find((k) => !isPublicKey(k));
  if (bad) throw new AlmanacError('VALIDATION_FAILED', `${file}: "${bad.slice(0, 40)}" is not an ed25519: public key.`);
  if (keys.length === 0)
    throw new AlmanacError(
      'VALIDATION_FAILED',
      `${file} names no publisher key: give a workspace's almanac.json (its managers), a JSON array or one ed25519: key per line.`,
    );
  return [...new Set(keys)];
}
