// `npx tsx scripts/sampleReviews.ts [--new-keys]`: give the sample workspace its team and a realistic
// review history, signed for real. The team's keys are demo keys (main/team/demoKeys.ts): their
// private keys ship with Almanac so that a newcomer can act as every role. Sara Koh founds the team
// (the root of trust) and adds the others; every article's version is saved by its author and
// reviewed; regulated articles carry a compliance approval. The audit log, its signed head, the
// review records and almanac.json's copy of the roster are all written from that one story.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFrontMatter } from '../main/articles/index.js';
import { appendAudit, type AuditAction } from '../main/audit/index.js';
import { recordLine, signRecord, type ReviewRecordBody } from '../main/review/index.js';
import { generateKeyPair, type Signer } from '../main/identity/index.js';
import { demoKeyPairs } from '../main/identity/index.js';
import { auditFile, auditHeadFile, replayChain } from '../main/trust/index.js';
import { blobHash } from '../main/versions/index.js';
import type { Workspace } from '../main/workspace/index.js';
import type { Member } from '../main/workspace/index.js';

const root = fileURLToPath(new URL('../resources/sample-workspace/', import.meta.url));
const keysModule = fileURLToPath(new URL('../main/team/demoKeys.ts', import.meta.url));
const configFile = path.join(root, 'almanac.json');
const raw = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;

type Person = Pick<Member, 'id' | 'name' | 'email' | 'roles'>;
const people: Person[] = [
  { id: 'sara.koh', name: 'Sara Koh', roles: ['manager', 'reviewer'] },
  { id: 'mei.chen', name: 'Mei Chen', roles: ['author', 'reviewer'] },
  { id: 'tom.ward', name: 'Tom Ward', roles: ['author'] },
  { id: 'li.na', name: 'Li Na', roles: ['author', 'reviewer'] },
  { id: 'james.okafor', name: 'James Okafor', roles: ['author'] },
  { id: 'priya.raman', name: 'Priya Raman', roles: ['compliance'] },
].map((p) => ({ ...p, email: `${p.id}@lumenoak.example` }) as Person);

// Keys stay the same across runs unless asked: they are part of every sample workspace made since.
const kept = process.argv.includes('--new-keys') ? [] : demoKeyPairs;
const pairs = people.map((p) => {
  const old = kept.find((k) => k.member === p.id);
  return old ?? { member: p.id, ...generateKeyPair() };
});
if (pairs.some((p, i) => p !== kept[i])) {
  const body = pairs
    .map(
      (p) =>
        `  {\n    member: '${p.member}',\n    publicKey: '${p.publicKey}',\n    privateKeyPem: ${JSON.stringify(p.privateKeyPem)},\n  },`,
    )
    .join('\n');
  const text = await readFile(keysModule, 'utf8');
  const start = text.indexOf('export const demoKeyPairs');
  const end = text.indexOf('];', start) + 2;
  await writeFile(
    keysModule,
    `${text.slice(0, start)}export const demoKeyPairs: DemoKeyPair[] = [\n${body}\n];${text.slice(end)}`,
  );
}
const signers = new Map<string, Signer>(
  people.map((p, i) => [
    p.id,
    { member: { ...p, publicKey: pairs[i]!.publicKey, retiredKeys: [] }, privateKeyPem: pairs[i]!.privateKeyPem },
  ]),
);
const signer = (id: string) => signers.get(id)!;

// What each article goes through; articles not named are approved (left as drafts when internal).
const inReview = { 'gift-cards': 'tom.ward', 'zh-price-protection': 'james.okafor' } as Record<string, string>;
const changesRequested: Record<string, { by: string; note: string }> = {
  'customs-and-duties': {
    by: 'mei.chen',
    note: 'Please name the countries where we prepay duties, and link the carrier page for the others.',
  },
};
const drafts = new Set(['agent-escalation-guide', 'zh-agent-invoice-review']);

interface Step {
  time: string;
  by: string;
  action: AuditAction;
  subject: string;
  details: Record<string, unknown>;
  record?: ReviewRecordBody;
}
const steps: Step[] = [];
const at = (date: string, minutes: number) =>
  new Date(Date.parse(`${date}T09:00:00Z`) + minutes * 60_000).toISOString();

// Sara founds the team and adds everyone with the key they made on their machine.
const member = (p: Person) => ({ ...p, publicKey: signer(p.id).member.publicKey });
steps.push({
  time: at('2026-08-01', 0),
  by: 'sara.koh',
  action: 'team.join',
  subject: 'sara.koh',
  details: { member: member(people[0]!), founder: true },
});
people.slice(1).forEach((p, i) =>
  steps.push({
    time: at('2026-08-01', 10 + i),
    by: 'sara.koh',
    action: 'team.add',
    subject: p.id,
    details: { member: member(p) },
  }),
);

const reviews = new Map<string, ReviewRecordBody[]>();
const review = (r: ReviewRecordBody) => {
  reviews.set(r.article, [...(reviews.get(r.article) ?? []), r]);
  steps.push({
    time: r.time,
    by: r.author,
    action: `review.${r.type}` as AuditAction,
    subject: r.article,
    details: {},
    record: r,
  });
};
const save = (id: string, version: string, by: string, time: string, message: string) =>
  steps.push({ time, by, action: 'version.save', subject: id, details: { message, versions: { [id]: version } } });

let day = 0;
for (const name of (await readdir(path.join(root, 'articles'))).filter((n) => n.endsWith('.md')).sort()) {
  const id = name.slice(0, -3);
  const text = await readFile(path.join(root, 'articles', name), 'utf8');
  const { data, body } = readFrontMatter(text, name);
  const owner = String(data.owner ?? '');
  const version = blobHash(text);
  const submitter = signers.has(owner) && owner !== 'priya.raman' ? owner : 'mei.chen';
  const reviewer = submitter === 'sara.koh' ? 'mei.chen' : 'sara.koh';
  const rec = (type: ReviewRecordBody['type'], author: string, time: string, extra: Partial<ReviewRecordBody> = {}) =>
    review({ type, article: id, version, author, time, ...extra });
  day++;
  if (drafts.has(id)) {
    save(id, version, submitter, at('2026-11-25', day), `Draft ${data.title as string}`);
    continue;
  }
  if (inReview[id]) {
    save(id, version, inReview[id], at('2026-11-19', day), 'Season update');
    rec('submit', inReview[id], at('2026-11-20', day), { note: 'Updated for this season; please check the figures.' });
  } else if (changesRequested[id]) {
    const { by, note } = changesRequested[id];
    const quote =
      body
        .split('\n')
        .find((l) => l.trim().length > 40)
        ?.trim()
        .slice(0, 120) ?? '';
    save(id, version, 'james.okafor', at('2026-11-16', day), 'First version');
    rec('submit', 'james.okafor', at('2026-11-17', day));
    rec('comment', by, at('2026-11-18', day), { note, anchor: { quote } });
    rec('request-changes', by, at('2026-11-18', day + 1), { note });
  } else {
    save(id, version, submitter, at('2026-08-31', day), 'First version');
    rec('submit', submitter, at('2026-09-01', day));
    rec('approve', reviewer, at('2026-09-02', day), { note: 'Checked against the current policy.' });
    if (data.regulated === true)
      rec('approve', 'priya.raman', at('2026-09-03', day), { note: 'Compliance: matches our legal obligations.' });
  }
}
// The agent profile is reviewed like an article: written by Mei, approved by Sara.
const profileVersion = blobHash(await readFile(path.join(root, 'agent', 'profile.md'), 'utf8'));
save('@profile', profileVersion, 'mei.chen', at('2026-08-27', 0), 'Agent profile');
review({ type: 'submit', article: '@profile', version: profileVersion, author: 'mei.chen', time: at('2026-08-28', 0) });
review({
  type: 'approve',
  article: '@profile',
  version: profileVersion,
  author: 'sara.koh',
  time: at('2026-08-29', 0),
  note: 'Hand-off rules match the escalation guide.',
});

// Review files first (each line's hash goes into its audit entry), then the audit log in time order.
const reviewsDir = path.join(root, 'reviews');
await rm(reviewsDir, { recursive: true, force: true });
await mkdir(reviewsDir, { recursive: true });
const hashes = new Map<ReviewRecordBody, string>();
for (const [id, records] of reviews) {
  const lines = records.map((r) => {
    const { line, hash } = recordLine(signRecord(r, signer(r.author)));
    hashes.set(r, hash);
    return line;
  });
  await writeFile(path.join(reviewsDir, `${id}.jsonl`), `${lines.join('\n')}\n`);
}
await rm(path.join(root, 'audit'), { recursive: true, force: true });
// The trust pin is written inside the workspace (files outside it are refused), then removed.
const localDir = await mkdtemp(path.join(root, '.almanac-sample-'));
const auditWs = { root, localDir, config: { team: [] }, rosterCache: [] } as unknown as Workspace;
const order = steps.map((s, i) => ({ s, i })).sort((a, b) => a.s.time.localeCompare(b.s.time) || a.i - b.i);
for (const { s } of order) {
  const r = s.record;
  const details = r ? { version: r.version, record: hashes.get(r), ...(r.note ? { note: r.note } : {}) } : s.details;
  await appendAudit(auditWs, signer(s.by), s.action, s.subject, details, s.time);
}
await rm(localDir, { recursive: true, force: true });

// almanac.json keeps a copy of the roster the signed entries build.
const chain = replayChain(await readFile(path.join(root, auditFile), 'utf8'));
if (chain.broken) throw new Error(`The sample's audit log does not verify: ${chain.broken.reason}`);
const team = chain.roster().map(({ retiredKeys, ...m }) => (retiredKeys.length ? { ...m, retiredKeys } : m));
await writeFile(configFile, `${JSON.stringify({ ...raw, team }, null, 2)}\n`);
if (!existsSync(path.join(root, auditHeadFile))) throw new Error('No signed head was written.');
process.stdout.write(
  `Wrote the sample's team (${team.length} members), ${steps.length} signed audit entries and review records for ${day} articles.\n`,
);
