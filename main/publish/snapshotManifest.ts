import { createHash } from 'node:crypto';
import { canonicalBytes, keyFingerprint, signValue, verifyValue, type Signer } from '../identity/index.js';

/** One article in a snapshot: the exact version a reviewer approved. */
export interface SnapshotArticle {
  id: string;
  /** Content hash of the approved version (git blob id). */
  version: string;
  title: string;
  locale: string;
  audience: string;
  approvedBy: string;
  approvedAt: string;
}

/** A file of the snapshot bundle and its SHA-256: the signature covers every byte through these. */
export interface SnapshotFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** What a snapshot holds and who made it; `id` is derived from the approved content alone. */
export interface SnapshotManifest {
  format: 1;
  id: string;
  articles: SnapshotArticle[];
  profile: { version: string; approvedBy: string; approvedAt: string };
  embedding: { model: string; dimension: number } | null;
  chunking: { maxTokens: number; overlapTokens: number };
  parent: string | null;
  createdBy: string;
  /** The creator's public key (`ed25519:…`): a receiver checks it against the keys it trusts. */
  publicKey: string;
  createdAt: string;
  files: SnapshotFile[];
}

/** The manifest as stored in `manifest.json`: with the creator's signature over everything else. */
export interface SignedManifest extends SnapshotManifest {
  signature: string;
}

export const manifestFile = 'manifest.json';

/**
 * A snapshot's id: the hash of what it would serve (each article's approved version, the profile's
 * approved version, the embedding model and the chunking), so the same approved state always gives
 * the same id, whoever builds it and whenever.
 */
export function snapshotId(content: Pick<SnapshotManifest, 'articles' | 'profile' | 'embedding' | 'chunking'>): string {
  const value = {
    articles: content.articles.map((a) => [a.id, a.version]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    profile: content.profile.version,
    embedding: content.embedding,
    chunking: content.chunking,
  };
  return createHash('sha256').update(canonicalBytes(value)).digest('hex').slice(0, 24);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Sign a manifest with the creator's key. */
export function signManifest(manifest: SnapshotManifest, signer: Signer): SignedManifest {
  return { ...manifest, signature: signValue(manifest, signer.privateKeyPem) };
}

export type ManifestCheck = { ok: true; manifest: SignedManifest } | { ok: false; reason: string };

/**
 * Whether a manifest is whole and trusted: signed, by a key in `trusted`, over exactly this
 * content, with the id its content gives.
 */
export function checkManifest(value: unknown, trusted: string[]): ManifestCheck {
  const m = value as Partial<SignedManifest> | undefined;
  if (!m || typeof m !== 'object' || m.format !== 1 || !Array.isArray(m.articles) || !Array.isArray(m.files))
    return { ok: false, reason: 'The snapshot has no readable manifest (format 1).' };
  if (typeof m.signature !== 'string' || !m.signature) return { ok: false, reason: 'The snapshot is not signed.' };
  if (typeof m.publicKey !== 'string' || !trusted.includes(m.publicKey))
    return {
      ok: false,
      reason: `The snapshot is signed by a key this agent does not trust (${typeof m.publicKey === 'string' ? keyFingerprint(m.publicKey) : 'none'}). Add the publisher's public key to the trusted keys (--trust).`,
    };
  const { signature, ...unsigned } = m as SignedManifest;
  if (!verifyValue(unsigned, signature, m.publicKey))
    return { ok: false, reason: 'The snapshot signature does not match its manifest: it was changed after signing.' };
  if (snapshotId(unsigned) !== m.id) return { ok: false, reason: 'The snapshot id does not match its content.' };
  return { ok: true, manifest: m as SignedManifest };
}
