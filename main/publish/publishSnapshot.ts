import { authorize } from '../policy/index.js';
import { copyFile, stat } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { agentCall } from '../remote/index.js';
import { appendAudit, auditFile, auditHeadFile } from '../audit/index.js';
import type { Signer } from '../identity/index.js';
import { commitPaths } from '../versions/index.js';
import type { Workspace } from '../workspace/index.js';
import type { BuiltSnapshot } from './buildSnapshot.js';
import { packSnapshot } from './snapshotBundle.js';
import { BucketStore, parseBucketUrl, type BucketCredentials } from './BucketStore.js';

/** Where a snapshot goes: a running agent (URL and token), an agent's data folder, or a bucket replicas follow. */
export type PublishTarget =
  { kind: 'url'; url: string; token: string } | { kind: 'folder'; dir: string } | { kind: 's3'; bucket: BucketStore };

/** How to reach S3-compatible storage, resolved at the entry point. */
export interface S3Settings {
  endpoint?: string;
  credentials?: BucketCredentials;
}

export interface PublishResult {
  snapshot: string;
  target: string;
  /** The snapshot active at the target before this one, when the target said. */
  previous: string | null;
}

/** Installs a snapshot bundle into an agent data folder and marks it active (given by the agent domain). */
export type FolderInstaller = (dir: string, bundle: string, trusted: string[]) => Promise<string | null>;

/** `--to`: an http(s) URL is a running agent, `s3://bucket/prefix` a bucket, anything else a folder. */
export function parseTarget(to: string, token: string | undefined, s3: S3Settings = {}): PublishTarget {
  if (/^https?:\/\//i.test(to)) {
    if (!token)
      throw new AlmanacError(
        'VALIDATION_FAILED',
        'Publishing to an agent needs its token: --token T (or ALMANAC_AGENT_TOKEN).',
      );
    return { kind: 'url', url: to.replace(/\/+$/, ''), token };
  }
  if (/^s3:\/\//i.test(to)) {
    if (!s3.credentials)
      throw new AlmanacError(
        'VALIDATION_FAILED',
        'Publishing to a bucket needs credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and ALMANAC_S3_ENDPOINT for a server other than AWS).',
      );
    return {
      kind: 's3',
      bucket: new BucketStore(parseBucketUrl(to, s3.endpoint, s3.credentials.region), s3.credentials),
    };
  }
  return { kind: 'folder', dir: path.resolve(to) };
}

/**
 * Send a snapshot to its target and make it the active one there, then record the publish in the
 * audit log (committed). The target checks the signature itself; a refusal comes back as its message.
 */
export async function publishSnapshot(
  ws: Workspace,
  built: BuiltSnapshot,
  target: PublishTarget,
  signer: Signer,
  installInFolder: FolderInstaller,
  onStage?: (stage: 'upload' | 'activate') => void,
  /** More for the audit entry (the gate's findings, an override's reason). */
  audit: Record<string, unknown> = {},
): Promise<PublishResult> {
  const bundle = `${built.dir}.tar.gz`;
  if (!(await stat(bundle).catch(() => undefined))) await packSnapshot(built.dir, bundle);
  const id = built.manifest.id;
  let previous: string | null = null;
  let where: string;
  if (target.kind === 'url') {
    where = target.url;
    const status = await agentCall<{ active: string | null }>(target, '/v1/status');
    previous = status.active;
    onStage?.('upload');
    await agentCall(target, '/v1/snapshots', {
      method: 'POST',
      body: await openAsBlob(bundle),
      headers: { 'content-type': 'application/gzip' },
    });
    onStage?.('activate');
    await agentCall(target, `/v1/snapshots/${id}/activate`, { method: 'POST' });
  } else if (target.kind === 's3') {
    where = target.bucket.describe();
    previous = (await target.bucket.readActive()).active?.id ?? null;
    await target.bucket.putSnapshot(id, bundle);
    await target.bucket.setActive(id);
  } else {
    where = target.dir;
    const copy = path.join(path.dirname(bundle), `${id}.${process.pid}.upload.tar.gz`);
    await copyFile(bundle, copy);
    previous = await installInFolder(target.dir, copy, [signer.member.publicKey!]);
  }
  await appendAudit(ws, signer, 'snapshot.publish', id, {
    target: where,
    previous,
    articles: built.manifest.articles.length,
    ...audit,
  });
  await commitPaths(ws, [auditFile, auditHeadFile], `Publish snapshot ${id} to ${where}`, signer.member.id);
  return { snapshot: id, target: where, previous };
}

/** Make an earlier snapshot active again on a running agent or in a bucket, and record it in the audit log. */
export async function rollbackTarget(
  ws: Workspace,
  target: Exclude<PublishTarget, { kind: 'folder' }>,
  id: string,
  signer: Signer,
): Promise<{ active: string }> {
  const roles = ws.config.team.find((m) => m.id === signer.member.id)?.roles ?? [];
  authorize({ id: signer.member.id, name: signer.member.name, roles }, 'snapshot.rollback');
  let where: string;
  if (target.kind === 's3') {
    where = target.bucket.describe();
    await target.bucket.setActive(id);
  } else {
    where = target.url;
    await agentCall<{ active: string }>(target, `/v1/snapshots/${id}/activate`, { method: 'POST' });
  }
  await appendAudit(ws, signer, 'snapshot.rollback', id, { target: where });
  await commitPaths(ws, [auditFile, auditHeadFile], `Roll back ${where} to snapshot ${id}`, signer.member.id);
  return { active: id };
}
