import { z } from 'zod';

export const audiences = ['customer', 'agent', 'internal'] as const;

/** Ids become file names, so they may hold letters, digits, `-`, `_` and `.` but never a path. */
export const articleIdSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u,
    'use letters, digits, "-", "_" or "." only, starting with a letter or digit',
  )
  .refine((id) => !id.includes('..') && !id.endsWith('.'), 'must not contain ".." or end with "."');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2027-03-31')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real calendar date');

export const articleMetaSchema = z.object({
  id: articleIdSchema,
  title: z.string().trim().min(1, 'must not be empty').max(300),
  tags: z.array(z.string().trim().min(1).max(60)).max(40).default([]),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'use a locale like en or zh-CN'),
  audience: z.enum(audiences).default('customer'),
  owner: z.string().max(120).default(''),
  reviewBy: isoDate.optional(),
  archived: z.boolean().optional(),
});

export type ArticleMeta = z.output<typeof articleMetaSchema>;
export type ArticleMetaInput = z.input<typeof articleMetaSchema>;

export const articleMetaFields = Object.keys(articleMetaSchema.shape) as (keyof ArticleMeta)[];

/** A fix for each field, shown next to a validation error. */
export const fieldFixes: Record<keyof ArticleMeta, string> = {
  id: 'Set "id" to the file name without .md, e.g. id: refund-policy',
  title: 'Add a title, e.g. title: Refund policy',
  tags: 'Write tags as a list, e.g. tags: [refunds, returns]',
  locale: 'Set the locale to one of the workspace locales, e.g. locale: en',
  audience: `Set audience to one of ${audiences.join(', ')}`,
  owner: 'Set owner to a team member id from almanac.json, e.g. owner: mei.chen',
  reviewBy: 'Write the review date as YYYY-MM-DD, e.g. reviewBy: 2027-03-31',
  archived: 'Write archived: true or remove the line',
};
