import { can } from '../policy/index.js';
import { createHash } from 'node:crypto';
import { isPublicKey, verifyValue } from '../identity/index.js';
import { memberSchema, roles as allRoles, type Member } from '../workspace/index.js';
import { bodyOf, chainHash, entryId, genesisHash, parseEntry, type AuditBody, type AuditEntry } from './auditChain.js';

export type Role = (typeof allRoles)[number];

/** An entry that verified, in chain order: what review facts, authorship and the publish log read. */
export interface ChainEvent extends AuditBody {
  /** 0-based place in the chain. */
  seq: number;
  /** 1-based line in audit/log.jsonl. */
  line: number;
  id: string;
  hash: string;
}

/** Where the chain breaks: the first line that is not a valid, signed, linked entry. */
export interface ChainBreak {
  line: number;
  reason: string;
  entry?: Partial<AuditEntry>;
}

/** A genuine entry that counts for nothing (its signer had no right to it at that point of the chain). */
export interface ChainNotice {
  line: number;
  actor: string | null;
  action: string;
  reason: string;
}

interface KeyPeriod {
  publicKey: string;
  /** Seq of the entry that made it current; it signs entries after that one. */
  from: number;
  /** Seq of the entry that retired it. */
  to?: number;
  retired?: string;
}

interface MemberState {
  id: string;
  name: string;
  email?: string;
  roles: { from: number; roles: Role[] }[];
  keys: KeyPeriod[];
  /** SHA-256 (hex) of every invite code issued for this member. */
  invites: string[];
  /** The invite that may claim a key now (until it is used or replaced). */
  openInvite?: string;
}

/** Who founded the team: the key every clone pins as the workspace's root. */
export interface TeamRoot {
  member: string;
  publicKey: string;
}

export const inviteHash = (code: string) => createHash('sha256').update(code.trim()).digest('hex');

const memberData = memberSchema.pick({ id: true, name: true, email: true, roles: true, publicKey: true });

type Verdict =
  { kind: 'break'; reason: string } | { kind: 'notice'; reason: string } | { kind: 'ok'; apply?: () => void };

/**
 * Replays audit entries in chain order: checks each link, hash and signature against the roster
 * that the entries before it built (TUF-style: the first member signs their own entry and is the
 * root; every later roster change is signed by a manager in force), and keeps the roster, each
 * member's roles and keys over time, and the entries that verified. Feed it lines; it stops at the
 * first broken one.
 */
export class ChainVerifier {
  private members = new Map<string, MemberState>();
  private ids = new Map<string, number>();
  private hashes: string[] = [];
  private prev = genesisHash;
  readonly events: ChainEvent[] = [];
  readonly notices: ChainNotice[] = [];
  unsigned = 0;
  root?: TeamRoot;
  broken?: ChainBreak;

  get entries(): number {
    return this.hashes.length;
  }

  get lastHash(): string {
    return this.prev;
  }

  /** Hash of the entry at 1-based position `n` (the head's "entries"). */
  hashAt(n: number): string | undefined {
    return n === 0 ? genesisHash : this.hashes[n - 1];
  }

  /** Whether the team exists yet: from its first member on, every entry must be signed. */
  get formed(): boolean {
    return this.members.size > 0;
  }

  /** Feed the next line of the log (1-based `line`); false once the chain is broken. */
  feed(text: string, line: number): boolean {
    if (this.broken) return false;
    const parsed = parseEntry(text);
    if (!('entry' in parsed)) {
      this.broken = { line, reason: parsed.reason };
      return false;
    }
    const entry = parsed.entry;
    const fail = (reason: string) => {
      this.broken = { line, reason, entry };
      return false;
    };
    if (entry.prev !== this.prev)
      return fail('its link to the entry before does not match (an entry was removed, inserted or changed)');
    const body = bodyOf(entry);
    if (chainHash(this.prev, body, entry.sig) !== entry.hash)
      return fail('its content does not match its hash (it was edited)');
    const id = entryId(body, entry.sig);
    const earlier = this.ids.get(id);
    if (earlier !== undefined) return fail(`it repeats the entry on line ${earlier} (a replayed entry)`);
    const verdict = this.judge(body, entry.sig);
    if (verdict.kind === 'break') return fail(verdict.reason);
    if (verdict.kind === 'notice')
      this.notices.push({ line, actor: body.actor, action: body.action, reason: verdict.reason });
    else verdict.apply?.();
    if (body.actor === null) this.unsigned++;
    const seq = this.hashes.length;
    this.ids.set(id, line);
    this.hashes.push(entry.hash);
    this.prev = entry.hash;
    if (verdict.kind === 'ok') this.events.push({ ...body, seq, line, id, hash: entry.hash });
    return true;
  }

  /** Whether a new entry would be accepted at the end of the chain, and why not ('break' or 'notice'). */
  check(body: AuditBody, sig: string | undefined): { ok: true } | { ok: false; reason: string } {
    const verdict = this.judge(body, sig);
    return verdict.kind === 'ok' ? { ok: true } : { ok: false, reason: verdict.reason };
  }

  /** The public key that may sign the entry at 0-based `seq` for `id` (by default, the next entry). */
  keyOf(id: string, seq = this.entries): string | undefined {
    const m = this.members.get(id);
    return m?.keys.find((k) => k.from < seq && (k.to === undefined || k.to >= seq))?.publicKey;
  }

  /** The roles `id` held for the entry at 0-based `seq` (by default, the next entry). */
  rolesAt(id: string, seq = this.entries): Role[] {
    const m = this.members.get(id);
    return m?.roles.findLast((r) => r.from < seq)?.roles ?? [];
  }

  /** The roster in force at the end of the chain, in the order members joined. */
  roster(): Member[] {
    return [...this.members.values()].map((m) => {
      const current = m.keys.find((k) => k.to === undefined);
      const retiredKeys = m.keys
        .filter((k) => k.to !== undefined)
        .map((k) => ({ publicKey: k.publicKey, retired: k.retired ?? '' }));
      return {
        id: m.id,
        name: m.name,
        ...(m.email ? { email: m.email } : {}),
        roles: this.rolesAt(m.id),
        ...(current ? { publicKey: current.publicKey } : {}),
        retiredKeys,
      };
    });
  }

  /** Whether `id` has an invite to claim a key with, and its hash. */
  openInvite(id: string): string | undefined {
    return this.members.get(id)?.openInvite;
  }

  private judge(body: AuditBody, sig: string | undefined): Verdict {
    const seq = this.entries;
    const { actor, action, subject, time } = body;
    const details = body.details ?? {};
    if (actor === null) {
      if (sig) return { kind: 'break', reason: 'signed but names no actor' };
      if (this.formed)
        return {
          kind: 'break',
          reason: 'unsigned, though the team exists: every entry since its first member must be signed',
        };
      return { kind: 'ok' };
    }
    if (!sig) return { kind: 'break', reason: `names ${actor} but is not signed` };

    // The first member's entry is signed by the key it introduces: the root of the team's trust.
    if (!this.formed) {
      const m = memberData.safeParse(details.member);
      if (action !== 'team.join' || !m.success || m.data.id !== actor || !m.data.publicKey)
        return { kind: 'break', reason: `${actor} is not on the team (it has no members yet)` };
      const key = m.data.publicKey;
      if (!verifyValue(body, sig, key))
        return { kind: 'break', reason: `signature: not made by the key it introduces` };
      if (!m.data.roles.includes('manager'))
        return { kind: 'break', reason: "the team's first member must be a manager (the root of trust)" };
      return {
        kind: 'ok',
        apply: () => {
          this.root = { member: actor, publicKey: key };
          this.members.set(actor, {
            id: actor,
            name: m.data.name,
            email: m.data.email,
            roles: [{ from: seq, roles: uniqueRoles(m.data.roles) }],
            keys: [{ publicKey: key, from: seq }],
            invites: [],
          });
        },
      };
    }

    // A member claims their key with the invite a manager gave them: signed by the new key.
    const member = this.members.get(actor);
    if (action === 'team.join' && typeof details.publicKey === 'string') {
      const key = details.publicKey;
      const code = typeof details.invite === 'string' ? details.invite : '';
      if (!member) return { kind: 'break', reason: `${actor} is not on the team` };
      if (!isPublicKey(key) || !verifyValue(body, sig, key))
        return { kind: 'break', reason: 'signature: not made by the key it claims' };
      if (!code || !member.invites.includes(inviteHash(code)))
        return { kind: 'break', reason: `claims a key for ${actor} without an invite a manager issued` };
      if (this.keyOf(actor, seq) || member.openInvite !== inviteHash(code))
        return { kind: 'notice', reason: `${actor}'s invite was already used or replaced` };
      return {
        kind: 'ok',
        apply: () => {
          member.keys.push({ publicKey: key, from: seq });
          member.openInvite = undefined;
        },
      };
    }

    if (!member) return { kind: 'break', reason: `${actor} is not on the signed roster` };
    const key = this.keyOf(actor, seq);
    if (!key) return { kind: 'break', reason: `${actor} has no key on the signed roster` };
    if (!verifyValue(body, sig, key)) return { kind: 'break', reason: `signature: not ${member.name}'s current key` };

    if (!action.startsWith('team.')) return { kind: 'ok' };
    const manager = can({ id: actor, roles: this.rolesAt(actor, seq) }, 'team.change');
    const notice = (reason: string): Verdict => ({ kind: 'notice', reason });
    const target = this.members.get(subject);
    switch (action) {
      case 'team.add': {
        if (!manager) return notice(`${actor} is not a manager`);
        const m = memberData.safeParse(details.member);
        if (!m.success || m.data.id !== subject) return notice('names no member');
        if (target) return notice(`${subject} is already on the team`);
        if (m.data.publicKey && !isPublicKey(m.data.publicKey)) return notice('its key is not an ed25519 key');
        const invite = typeof details.invite === 'string' ? details.invite : undefined;
        return {
          kind: 'ok',
          apply: () =>
            this.members.set(subject, {
              id: subject,
              name: m.data.name,
              email: m.data.email,
              roles: [{ from: seq, roles: uniqueRoles(m.data.roles) }],
              keys: m.data.publicKey ? [{ publicKey: m.data.publicKey, from: seq }] : [],
              invites: invite ? [invite] : [],
              openInvite: invite,
            }),
        };
      }
      case 'team.roles': {
        if (!manager) return notice(`${actor} is not a manager`);
        if (!target) return notice(`${subject} is not on the team`);
        const to = Array.isArray(details.to) ? details.to.filter(isRole) : [];
        if (to.length === 0) return notice('gives no role');
        const managers = [...this.members.values()].filter((m) =>
          (m.id === subject ? to : this.rolesAt(m.id, seq)).includes('manager'),
        );
        if (managers.length === 0) return notice('would leave the team without a manager');
        return { kind: 'ok', apply: () => target.roles.push({ from: seq, roles: uniqueRoles(to) }) };
      }
      case 'team.rotate-key': {
        if (!target) return notice(`${subject} is not on the team`);
        const self = subject === actor;
        if (!self && !manager) return notice(`${actor} is not a manager and may only renew their own key`);
        const next = typeof details.publicKey === 'string' ? details.publicKey : undefined;
        if (self && (!next || !isPublicKey(next))) return notice('names no new key');
        const invite = typeof details.invite === 'string' ? details.invite : undefined;
        return {
          kind: 'ok',
          apply: () => {
            for (const k of target.keys) if (k.to === undefined) Object.assign(k, { to: seq, retired: time });
            if (self && next) target.keys.push({ publicKey: next, from: seq });
            target.openInvite = invite;
            if (invite) target.invites.push(invite);
          },
        };
      }
      default:
        return notice(`${action} is not a roster change this version knows`);
    }
  }
}

const isRole = (r: unknown): r is Role => typeof r === 'string' && (allRoles as readonly string[]).includes(r);
const uniqueRoles = (list: Role[]) => [...new Set(list)];

/** Verify a whole log text in one go. */
export function replayChain(text: string): ChainVerifier {
  const verifier = new ChainVerifier();
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  for (const [i, line] of all.entries()) if (!verifier.feed(line, i + 1)) break;
  return verifier;
}
