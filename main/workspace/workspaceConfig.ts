import { z } from 'zod';

/** `compliance` also approves regulated articles (payments, privacy, account closure). */
export const roles = ['author', 'reviewer', 'manager', 'compliance'] as const;

export const memberSchema = z.object({
  id: z.string().regex(/^[\w.-]+$/, 'use letters, digits, ".", "_" or "-"'),
  name: z.string().min(1),
  email: z.string().optional(),
  roles: z.array(z.enum(roles)).default(['author']),
  /** Ed25519 public key (`ed25519:<base64>`) that signs this member's reviews and audit entries. */
  publicKey: z.string().optional(),
  /** Keys replaced by a rotation: signatures made before `retired` stay valid. */
  retiredKeys: z.array(z.object({ publicKey: z.string(), retired: z.string() })).default([]),
});

export const workspaceConfigSchema = z.object({
  name: z.string().min(1),
  locales: z.array(z.string()).min(1).default(['en', 'zh-CN']),
  embedding: z.object({ model: z.string() }).optional(),
  team: z.array(memberSchema).default([]),
});

export type Member = z.output<typeof memberSchema>;
export type WorkspaceConfig = z.output<typeof workspaceConfigSchema>;
