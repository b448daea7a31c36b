import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { atomicTempFile } from '../workspace/index.js';
import { guardWrite } from '../workspace/index.js';
import type { Workspace } from '../workspace/index.js';
import { git, fs, blobHash, serialized } from './gitRepo.js';
import { articlePath, profileSubject } from './repository.js';
import { resolveAuthor } from './authors.js';
import { appendAudit, auditFile, auditHeadFile, type AuditAction } from '../audit/index.js';
import type { Signer } from '../identity/index.js';

export interface ArticleVersion {
  /** The commit that saved this version: a version's id. */
  commit: string;
  /** Content hash of the article file in this version (git blob id); null where it was deleted. */
  version: string | null;
  /** The oldest earlier commit with the same content, when this version brought an earlier text back. */
  sameTextAs?: string;
  message: string;
  author: { name: string; email: string };
  timestamp: number;
}

/** Every version of one article, newest first; a version that repeats an earlier text names its commit. */
export async function listVersions(ws: Workspace, id: string): Promise<ArticleVersion[]> {
  const filepath = articlePath(id);
  let commits;
  try {
    commits = await git.log({ fs, dir: ws.root, filepath, force: true });
  } catch {
    return [];
  }
  const out: ArticleVersion[] = [];
  for (const c of commits) {
    let version: string | null = null;
    try {
      version = (await git.readBlob({ fs, dir: ws.root, oid: c.oid, filepath })).oid;
    } catch {
      version = null;
    }
    out.push({
      version,
      commit: c.oid,
      message: c.commit.message.trim(),
      author: { name: c.commit.author.name, email: c.commit.author.email },
      timestamp: c.commit.author.timestamp * 1000,
    });
  }
  const firstCommit = new Map<string, string>();
  for (const v of out.toReversed()) {
    if (!v.version) continue;
    const earlier = firstCommit.get(v.version);
    if (earlier) v.sameTextAs = earlier;
    else firstCommit.set(v.version, v.commit);
  }
  return out;
}

export interface ResolvedVersion {
  /** "working" for the file on disk, otherwise the commit. */
  ref: string;
  /** Content hash of the text. */
  version: string;
  commit?: string;
  text: string;
}

/**
 * Resolve a version reference: "working" (the file on disk), "latest", or a prefix (4+ hex) of a
 * commit or of a content hash (the newest commit with that content). Throws NOT_FOUND or
 * VALIDATION_FAILED when a prefix names two different texts.
 */
export async function resolveVersion(ws: Workspace, id: string, ref: string): Promise<ResolvedVersion> {
  if (ref === 'working' || ref === 'current') {
    try {
      const text = await readFile(path.join(ws.root, articlePath(id)), 'utf8');
      return { ref: 'working', version: blobHash(text), text };
    } catch {
      throw new AlmanacError('NOT_FOUND', `Article ${id} has no file on disk.`);
    }
  }
  const versions = (await listVersions(ws, id)).filter((v) => v.version !== null);
  if (versions.length === 0) {
    throw new AlmanacError(
      'NOT_FOUND',
      `Article ${id} has no saved versions. Save one with: almanac commit <ws> ${id} -m "..."`,
    );
  }
  let match: ArticleVersion | undefined;
  if (ref === 'latest' || ref === 'HEAD') match = versions[0];
  else if (/^[0-9a-f]{4,40}$/i.test(ref)) {
    const lower = ref.toLowerCase();
    const byCommit = versions.filter((v) => v.commit.startsWith(lower));
    const hits = versions.filter((v) => v.version!.startsWith(lower) || v.commit.startsWith(lower));
    if (new Set(hits.map((h) => h.version)).size > 1) {
      throw new AlmanacError('VALIDATION_FAILED', `Version ${ref} is ambiguous for ${id}; give more characters.`);
    }
    match = byCommit.length === 1 ? byCommit[0] : hits[0];
  }
  if (!match) {
    throw new AlmanacError(
      'NOT_FOUND',
      `Article ${id} has no version ${ref}. List its versions with: almanac history <ws> ${id}`,
    );
  }
  const { blob } = await git.readBlob({ fs, dir: ws.root, oid: match.commit, filepath: articlePath(id) });
  return {
    ref: match.commit,
    version: match.version!,
    commit: match.commit,
    text: Buffer.from(blob).toString('utf8'),
  };
}

/** Commit exactly these workspace files (review records, the audit log, the roster) as one change by `author`. */
export async function commitPaths(
  ws: Workspace,
  filepaths: string[],
  message: string,
  author?: string,
): Promise<string> {
  return serialized(ws.root, async () => {
    for (const filepath of filepaths) await git.add({ fs, dir: ws.root, filepath });
    return git.commit({ fs, dir: ws.root, message, author: resolveAuthor(ws, author) });
  });
}

export interface CommitResult {
  commit: string;
  articles: { id: string; version: string | null }[];
}

/**
 * Save a version of the given articles (all changed ones when `ids` is empty) with a message and
 * an author. Throws NO_CHANGES when nothing differs from the last version, NOT_FOUND for an unknown id.
 */
/** Status of every article file; a save's temp file may vanish while git walks the folder, so that retries. */
async function articleStatus(ws: Workspace): Promise<[string, number, number, number][]> {
  for (let attempt = 0; ; attempt++) {
    try {
      const matrix = await git.statusMatrix({
        fs,
        dir: ws.root,
        filepaths: ['articles', 'agent'],
        filter: (f) => f.endsWith('.md') && (f.startsWith('articles/') || f === articlePath(profileSubject)),
      });
      return matrix as [string, number, number, number][];
    } catch (err) {
      if (!/ENOENT/.test(String(err)) || attempt >= 10) throw err;
    }
  }
}

/** An article's images (`assets/<id>/`) are versioned with it: stage what changed there. */
async function stageAssets(ws: Workspace, id: string): Promise<void> {
  const dir = path.posix.join('assets', id);
  let matrix;
  try {
    matrix = await git.statusMatrix({ fs, dir: ws.root, filepaths: [dir], filter: (f) => !atomicTempFile.test(f) });
  } catch {
    return;
  }
  for (const [filepath, head, workdir, stage] of matrix) {
    if (head === 1 && workdir === 1 && stage === 1) continue;
    if (workdir === 0) await git.remove({ fs, dir: ws.root, filepath });
    else {
      await guardWrite(ws.root, path.join(ws.root, filepath));
      await git.add({ fs, dir: ws.root, filepath });
    }
  }
}

export async function commitArticles(
  ws: Workspace,
  ids: string[],
  message: string,
  author?: string | Signer,
  action: AuditAction = 'version.save',
): Promise<CommitResult> {
  const signer = typeof author === 'object' ? author : undefined;
  const authorId = typeof author === 'object' ? author.member.id : author;
  if (!message.trim())
    throw new AlmanacError('VALIDATION_FAILED', 'A version needs a message. Pass -m "what changed".');
  return serialized(ws.root, async () => {
    const matrix = await articleStatus(ws);
    const changed = new Map<string, [number, number, number]>();
    for (const [file, head, workdir, stage] of matrix) {
      if (!file.endsWith('.md')) continue;
      if (head === 1 && workdir === 1 && stage === 1) continue;
      changed.set(file === articlePath(profileSubject) ? profileSubject : path.posix.basename(file, '.md'), [
        head,
        workdir,
        stage,
      ]);
    }
    for (const id of ids) {
      if (!changed.has(id) && !matrix.some(([f]) => f === articlePath(id))) {
        throw new AlmanacError('NOT_FOUND', `There is no article ${id}.`);
      }
    }
    // Unchanged articles among the given ids are left out; only when none changed is it an error.
    const wanted = ids.length > 0 ? ids.filter((id) => changed.has(id)) : [...changed.keys()];
    if (wanted.length === 0) {
      throw new AlmanacError(
        'NO_CHANGES',
        ids.length === 1
          ? `Article ${ids[0]} has not changed since its last version.`
          : 'No article has changed since its last version.',
      );
    }
    const articles: CommitResult['articles'] = [];
    for (const id of wanted) {
      const filepath = articlePath(id);
      const [, workdir] = changed.get(id)!;
      if (workdir === 0) {
        await git.remove({ fs, dir: ws.root, filepath });
        articles.push({ id, version: null });
      } else {
        // A link would store its target's path while the version is hashed from the file it points at.
        await guardWrite(ws.root, path.join(ws.root, filepath));
        await git.add({ fs, dir: ws.root, filepath });
        const text = await readFile(path.join(ws.root, filepath));
        articles.push({ id, version: blobHash(text) });
      }
      await stageAssets(ws, id);
    }
    await appendAudit(ws, signer, action, articles.map((a) => a.id).join(','), {
      message: message.trim(),
      versions: Object.fromEntries(articles.map((a) => [a.id, a.version])),
      ...(signer || !authorId ? {} : { author: authorId }),
    });
    await git.add({ fs, dir: ws.root, filepath: auditFile });
    await git.add({ fs, dir: ws.root, filepath: auditHeadFile });
    const who = resolveAuthor(ws, authorId);
    const commit = await git.commit({ fs, dir: ws.root, message: message.trim(), author: who });
    return { commit, articles };
  });
}
