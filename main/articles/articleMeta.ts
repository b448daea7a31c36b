import { z } from 'zod';

export const audiences = ['customer', 'agent', 'internal'] as const;

/** Longest id in UTF-8 bytes: file names are limited to 255 bytes, and temp files add a suffix. */
export const maxIdBytes = 160;

/** Ids become file names, so they may hold letters, digits, `-`, `_` and `.` but never a path. */
export const articleIdSchema = z
  .string()
  .min(1)
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u,
    'use letters, digits, "-", "_" or "." only, starting with a letter or digit',
  )
  .refine((id) => !id.includes('..') && !id.endsWith('.'), 'must not contain ".." or end with "."')
  .refine((id) => Buffer.byteLength(id, 'utf8') <= maxIdBytes, `must be at most ${maxIdBytes} bytes long`);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2027-03-31')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real calendar date');

/** Front matter written by other tools has numbers and booleans where a string is meant. */
const scalarToString = (value: unknown) =>
  typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : value;

const text = (max: number) => z.preprocess(scalarToString, z.string().max(max));

/** A tag list; a single string is split at commas, as static-site generators allow. */
const tagList = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : Array.isArray(value)
        ? value.map(scalarToString)
        : value,
  z.array(z.string().trim().min(1).max(60)).max(40),
);

/** Where an imported article came from; a re-import of the same source updates the same article. */
export const articleSourceSchema = z.object({
  /** The site or collection, e.g. the folder name of the static site. */
  collection: z.string().min(1).max(200),
  /** Path of the file relative to the collection root, with "/" separators. */
  path: z.string().min(1).max(1000),
  /** The record within a corpus file (JSONL id, CSV question). */
  key: z.string().max(1000).optional(),
});

export type ArticleSource = z.output<typeof articleSourceSchema>;

export const articleMetaSchema = z.object({
  id: articleIdSchema,
  title: z.preprocess(scalarToString, z.string().trim().min(1, 'must not be empty').max(300)),
  summary: text(2000).optional(),
  tags: tagList.default([]),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'use a locale like en or zh-CN'),
  audience: z.enum(audiences).default('customer'),
  owner: text(120).default(''),
  reviewBy: isoDate.optional(),
  archived: z.boolean().optional(),
  /** Payments, privacy, account closure…: a version also needs a compliance member's approval. */
  regulated: z.boolean().optional(),
  source: articleSourceSchema.optional(),
  /** Front-matter fields Almanac does not know, kept as they were so a round trip loses nothing. */
  extra: z.record(z.string(), z.unknown()).optional(),
});

export type ArticleMeta = z.output<typeof articleMetaSchema>;
export type ArticleMetaInput = z.input<typeof articleMetaSchema>;

export const articleMetaFields = Object.keys(articleMetaSchema.shape) as (keyof ArticleMeta)[];

/** A fix for each field, shown next to a validation error. */
export const fieldFixes: Record<keyof ArticleMeta, string> = {
  id: 'Set "id" to the file name without .md, e.g. id: refund-policy',
  title: 'Add a title, e.g. title: Refund policy',
  summary: 'Write the summary as one line of text, e.g. summary: How refunds work',
  tags: 'Write tags as a list, e.g. tags: [refunds, returns]',
  locale: 'Set the locale to one of the workspace locales, e.g. locale: en',
  audience: `Set audience to one of ${audiences.join(', ')}`,
  owner: 'Set owner to a team member id from almanac.json, e.g. owner: mei.chen',
  reviewBy: 'Write the review date as YYYY-MM-DD, e.g. reviewBy: 2027-03-31',
  archived: 'Write archived: true or remove the line',
  regulated: 'Write regulated: true or remove the line',
  source: 'Write source as {collection: <site>, path: <file path>} or remove it',
  extra: 'Remove the field',
};
