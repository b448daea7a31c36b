// `npx tsx scripts/sampleReviews.ts`: give the sample workspace a realistic review state, signed
// for real. Colleagues who signed get fresh public keys in almanac.json; their private keys are
// thrown away, as if they lived on other machines. Li Na keeps no key, so a new user can claim her
// (author and reviewer) and work the review queue. Re-running makes new keys and new records.
import { readFile, readdir, rm, writeFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFrontMatter } from '../main/articles/index.js';
import { appendAudit, type AuditAction } from '../main/audit/index.js';
import { signRecord, type ReviewRecordBody } from '../main/review/index.js';
import { generateKeyPair, type Signer } from '../main/team/index.js';
import { blobHash } from '../main/versions/index.js';
import type { Workspace } from '../main/workspace/index.js';
import { workspaceConfigSchema } from '../main/workspace/workspaceConfig.js';

const root = fileURLToPath(new URL('../resources/sample-workspace/', import.meta.url));
const configFile = path.join(root, 'almanac.json');
const raw = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
const config = workspaceConfigSchema.parse(raw);

const signerIds = ['mei.chen', 'sara.koh', 'tom.ward', 'james.okafor'];
const signers = new Map<string, Signer>();
const team = config.team.map(({ retiredKeys: _r, publicKey: _p, ...m }) => {
  if (!signerIds.includes(m.id)) return m;
  const pair = generateKeyPair();
  signers.set(m.id, {
    member: { ...m, publicKey: pair.publicKey, retiredKeys: [] },
    privateKeyPem: pair.privateKeyPem,
  });
  return { ...m, publicKey: pair.publicKey };
});
await writeFile(configFile, `${JSON.stringify({ ...raw, team }, null, 2)}\n`);

// What each article goes through; articles not named are approved (left as drafts when internal).
const inReview = { 'gift-cards': 'tom.ward', 'zh-price-protection': 'james.okafor' } as Record<string, string>;
const changesRequested: Record<string, { by: string; note: string }> = {
  'customs-and-duties': {
    by: 'mei.chen',
    note: 'Please name the countries where we prepay duties, and link the carrier page for the others.',
  },
};
const drafts = new Set(['agent-escalation-guide', 'zh-agent-invoice-review']);

const reviews = path.join(root, 'reviews');
await rm(reviews, { recursive: true, force: true });
await mkdir(reviews, { recursive: true });
let day = 0;
const allRecords: ReviewRecordBody[] = [];
const at = (date: string, minutes: number) =>
  new Date(Date.parse(`${date}T09:00:00Z`) + minutes * 60_000).toISOString();

for (const name of (await readdir(path.join(root, 'articles'))).filter((n) => n.endsWith('.md')).sort()) {
  const id = name.slice(0, -3);
  if (drafts.has(id)) continue;
  const text = await readFile(path.join(root, 'articles', name), 'utf8');
  const { data, body } = readFrontMatter(text, name);
  const owner = String(data.owner ?? '');
  const version = blobHash(text);
  const submitter = signers.has(owner) ? owner : 'mei.chen';
  const reviewer = submitter === 'sara.koh' ? 'mei.chen' : 'sara.koh';
  const records: ReviewRecordBody[] = [];
  const rec = (type: ReviewRecordBody['type'], author: string, time: string, extra: Partial<ReviewRecordBody> = {}) =>
    records.push({ type, article: id, version, author, time, ...extra });
  day++;
  if (inReview[id]) {
    rec('submit', inReview[id], at('2026-11-20', day), { note: 'Updated for this season; please check the figures.' });
  } else if (changesRequested[id]) {
    const { by, note } = changesRequested[id];
    const quote =
      body
        .split('\n')
        .find((l) => l.trim().length > 40)
        ?.trim()
        .slice(0, 120) ?? '';
    rec('submit', 'james.okafor', at('2026-11-17', day));
    rec('comment', by, at('2026-11-18', day), { note, anchor: { quote } });
    rec('request-changes', by, at('2026-11-18', day + 1), { note });
  } else {
    rec('submit', submitter, at('2026-09-01', day));
    rec('approve', reviewer, at('2026-09-02', day), { note: 'Checked against the current policy.' });
  }
  allRecords.push(...records);
  const lines = records.map((r) => JSON.stringify(signRecord(r, signers.get(r.author)!)));
  await writeFile(path.join(reviews, `${id}.jsonl`), `${lines.join('\n')}\n`);
}
// The agent profile is reviewed like an article: written by Mei, approved by Sara.
const profileText = await readFile(path.join(root, 'agent', 'profile.md'), 'utf8');
const profileRecords: ReviewRecordBody[] = [
  {
    type: 'submit',
    article: '@profile',
    version: blobHash(profileText),
    author: 'mei.chen',
    time: at('2026-08-28', 0),
  },
  {
    type: 'approve',
    article: '@profile',
    version: blobHash(profileText),
    author: 'sara.koh',
    time: at('2026-08-29', 0),
    note: 'Hand-off rules match the escalation guide.',
  },
];
await writeFile(
  path.join(reviews, '@profile.jsonl'),
  `${profileRecords.map((r) => JSON.stringify(signRecord(r, signers.get(r.author)!))).join('\n')}\n`,
);
allRecords.push(...profileRecords);

// The audit log tells the same story, entry by entry in time order, chained and signed, so that
// `almanac audit verify` on a new sample workspace proves a real history.
await rm(path.join(root, 'audit'), { recursive: true, force: true });
const auditWs = { root, localDir: await mkdtemp(path.join(tmpdir(), 'almanac-sample-')) } as Workspace;
for (const r of allRecords.sort((a, b) => a.time.localeCompare(b.time)))
  await appendAudit(
    auditWs,
    signers.get(r.author),
    `review.${r.type}` as AuditAction,
    r.article,
    { version: r.version, ...(r.note ? { note: r.note } : {}) },
    r.time,
  );
await rm(auditWs.localDir, { recursive: true, force: true });
process.stdout.write(`Wrote review records for ${day} articles in ${reviews}.\n`);
