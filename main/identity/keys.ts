import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import canonicalize from 'canonicalize';

/** Raw Ed25519 public keys are written as `ed25519:<base64 of the 32 bytes>` in almanac.json. */
const prefix = 'ed25519:';
// The DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it.
const spkiHeader = Buffer.from('302a300506032b6570032100', 'hex');

export interface KeyPair {
  /** `ed25519:<base64>`, what the roster stores. */
  publicKey: string;
  /** PKCS#8 PEM, what stays on this machine. */
  privateKeyPem: string;
}

export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: encodePublicKey(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function encodePublicKey(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' });
  return `${prefix}${der.subarray(spkiHeader.length).toString('base64')}`;
}

/** The roster's form of the public key belonging to a private key. */
export function publicKeyOf(privateKeyPem: string): string {
  return encodePublicKey(createPublicKey(createPrivateKey(privateKeyPem)));
}

function decodePublicKey(publicKey: string): KeyObject | undefined {
  if (!publicKey.startsWith(prefix)) return undefined;
  const raw = Buffer.from(publicKey.slice(prefix.length), 'base64');
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({ key: Buffer.concat([spkiHeader, raw]), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/** A short, file-name-safe name for a public key: the first 16 hex digits of its SHA-256. */
export function keyFingerprint(publicKey: string): string {
  return createHash('sha256').update(publicKey).digest('hex').slice(0, 16);
}

/** The bytes a signature covers: the RFC 8785 canonical JSON of the value. */
export function canonicalBytes(value: unknown): Buffer {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Nothing to sign: the value has no JSON form.');
  return Buffer.from(text, 'utf8');
}

/** Sign the canonical JSON of `value`; the signature is base64. */
export function signValue(value: unknown, privateKeyPem: string): string {
  return sign(null, canonicalBytes(value), createPrivateKey(privateKeyPem)).toString('base64');
}

/** Whether `signature` is `publicKey`'s signature of the canonical JSON of `value`. Never throws. */
export function verifyValue(value: unknown, signature: string, publicKey: string): boolean {
  const key = decodePublicKey(publicKey);
  if (!key || typeof signature !== 'string') return false;
  try {
    return verify(null, canonicalBytes(value), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export const isPublicKey = (s: string) => decodePublicKey(s) !== undefined;
