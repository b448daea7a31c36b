import { openAsBlob } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { AwsClient } from 'aws4fetch';
import { AlmanacError } from '../AlmanacError.js';

/** Where in an S3-compatible bucket snapshots live: `s3://bucket/prefix`, at an endpoint. */
export interface BucketLocation {
  bucket: string;
  prefix: string;
  /** `https://s3.<region>.amazonaws.com`, or a local S3-compatible server (`http://127.0.0.1:9000`). */
  endpoint: string;
}

export interface BucketCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** What the bucket's `active.json` records: every replica serves this snapshot. */
export interface BucketActive {
  id: string;
  activatedAt: string;
  previous: string[];
}

/** Parse `s3://bucket/prefix` (VALIDATION_FAILED otherwise). */
export function parseBucketUrl(url: string, endpoint: string | undefined, region: string): BucketLocation {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/i.exec(url.trim());
  if (!m) throw new AlmanacError('VALIDATION_FAILED', `"${url}" is not an s3://bucket/prefix location.`);
  return {
    bucket: m[1]!,
    prefix: (m[2] ?? '').replace(/^\/+|\/+$/g, ''),
    endpoint: (endpoint ?? `https://s3.${region}.amazonaws.com`).replace(/\/+$/, ''),
  };
}

/**
 * A snapshot store in an S3-compatible bucket: `snapshots/<id>.tar.gz` bundles and one `active.json`
 * that every replica follows. Objects are written whole (an S3 PUT is atomic), so a replica reads
 * the old pointer or the new one, never half.
 */
export class BucketStore {
  private readonly client: AwsClient;

  constructor(
    readonly location: BucketLocation,
    credentials: BucketCredentials,
  ) {
    this.client = new AwsClient({ ...credentials, service: 's3' });
  }

  describe(): string {
    const { bucket, prefix } = this.location;
    return `s3://${bucket}${prefix ? `/${prefix}` : ''}`;
  }

  private url(key: string): string {
    const { endpoint, bucket, prefix } = this.location;
    return `${endpoint}/${bucket}/${[prefix, key].filter(Boolean).join('/')}`;
  }

  private async call(key: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await this.client.fetch(this.url(key), init);
    } catch (err) {
      throw new AlmanacError('NOT_FOUND', `Cannot reach the bucket ${this.describe()}: ${(err as Error).message}.`);
    }
    if (res.status === 404 || res.status === 304 || res.ok) return res;
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? res.statusText;
    throw new AlmanacError(
      res.status === 403 ? 'FORBIDDEN' : 'INTERNAL',
      `The bucket ${this.describe()} refused ${init.method ?? 'GET'} ${key}: ${code} (${res.status}). Check the credentials and the endpoint.`,
    );
  }

  async hasSnapshot(id: string): Promise<boolean> {
    return (await this.call(`snapshots/${id}.tar.gz`, { method: 'HEAD' })).ok;
  }

  async putSnapshot(id: string, bundle: string): Promise<void> {
    if (await this.hasSnapshot(id)) return;
    await this.call(`snapshots/${id}.tar.gz`, {
      method: 'PUT',
      body: await openAsBlob(bundle),
      headers: { 'content-type': 'application/gzip' },
    });
  }

  async downloadSnapshot(id: string, file: string): Promise<void> {
    const res = await this.call(`snapshots/${id}.tar.gz`);
    if (!res.ok) throw new AlmanacError('NOT_FOUND', `The bucket ${this.describe()} has no snapshot ${id}.`);
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
  }

  /** The active pointer, or undefined; with `etag`, `unchanged` when it has not moved since. */
  async readActive(etag?: string): Promise<{ active?: BucketActive; etag?: string; unchanged?: boolean }> {
    const res = await this.call('active.json', etag ? { headers: { 'if-none-match': etag } } : {});
    if (res.status === 304) return { unchanged: true, etag };
    if (res.status === 404) return {};
    return { active: (await res.json()) as BucketActive, etag: res.headers.get('etag') ?? undefined };
  }

  /** Point every replica at `id` (it must be in the bucket); returns the pointer written. */
  async setActive(id: string): Promise<BucketActive> {
    if (!(await this.hasSnapshot(id)))
      throw new AlmanacError('NOT_FOUND', `The bucket ${this.describe()} has no snapshot ${id}.`);
    const before = (await this.readActive()).active;
    const previous = before ? [before.id, ...before.previous.filter((p) => p !== id && p !== before.id)] : [];
    const state: BucketActive = { id, activatedAt: new Date().toISOString(), previous: previous.slice(0, 50) };
    await this.call('active.json', {
      method: 'PUT',
      body: JSON.stringify(state),
      headers: { 'content-type': 'application/json' },
    });
    return state;
  }
}
