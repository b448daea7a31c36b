import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { isPublicKey } from '../identity/index.js';
import { publisherKeys, requireTrust, rosterDifferences } from '../trust/index.js';
import { openWorkspace } from '../session/index.js';

/** The managers' keys of a workspace, from its signed roster (never from almanac.json's copy). */
async function workspaceKeys(root: string, warn?: (message: string) => void): Promise<string[]> {
  const ws = await openWorkspace(root);
  const { roster } = await requireTrust(ws);
  for (const d of rosterDifferences(ws.rosterCache, roster))
    warn?.(`${d.says} (a hand edit of almanac.json): the signed roster is trusted, not the file.`);
  return publisherKeys(roster);
}

/**
 * The publisher keys an agent trusts: a workspace (its folder or its `almanac.json`: the managers'
 * current and retired keys of its signed roster, never the file's copy), a JSON array of keys, or
 * one `ed25519:…` key per line (`#` comments). DAMAGED when the workspace's trust chain does not verify.
 */
export async function readTrustedKeys(file: string, warn?: (message: string) => void): Promise<string[]> {
  if ((await stat(file).catch(() => undefined))?.isDirectory()) return workspaceKeys(file, warn);
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
    else if (value && typeof value === 'object' && 'team' in value) {
      if (!(await stat(path.join(path.dirname(file), 'audit')).catch(() => undefined)))
        throw new AlmanacError(
          'VALIDATION_FAILED',
          `${file} is a workspace's almanac.json without its signed audit log beside it: its roster is an unsigned copy and is not trusted. Give the workspace folder, or a key file from: almanac team keys <ws>`,
        );
      return workspaceKeys(path.dirname(file), warn);
    } else keys = [];
  } catch (err) {
    if (err instanceof AlmanacError) throw err;
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
