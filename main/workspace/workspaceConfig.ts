import { z } from 'zod';

export const roles = ['author', 'reviewer', 'manager'] as const;

export const memberSchema = z.object({
  id: z.string().regex(/^[\w.-]+$/, 'use letters, digits, ".", "_" or "-"'),
  name: z.string().min(1),
  email: z.string().optional(),
  roles: z.array(z.enum(roles)).default(['author']),
  publicKey: z.string().optional(),
});

export const workspaceConfigSchema = z.object({
  name: z.string().min(1),
  locales: z.array(z.string()).min(1).default(['en', 'zh-CN']),
  embedding: z.object({ model: z.string() }).optional(),
  team: z.array(memberSchema).default([]),
});

export type Member = z.output<typeof memberSchema>;
export type WorkspaceConfig = z.output<typeof workspaceConfigSchema>;
