import path from 'node:path';
import { expect, it } from 'vitest';
import { AlmanacError } from '../AlmanacError.js';
import { insideWorkspace, resolveInside } from './Workspace.js';

const root = path.resolve('/tmp/ws');

it('resolves paths inside the root, the root itself included, and refuses the rest', () => {
  expect(resolveInside(root, 'articles', 'a.md')).toBe(path.join(root, 'articles', 'a.md'));
  expect(resolveInside(root, path.join(root, 'b.md'))).toBe(path.join(root, 'b.md'));
  expect(resolveInside(root, '..foo')).toBe(path.join(root, '..foo'));
  expect(resolveInside(root)).toBe(root);
  expect(resolveInside(root, '..')).toBeUndefined();
  expect(resolveInside(root, '../ws2/a.md')).toBeUndefined();
  expect(resolveInside(root, 'a/../../x')).toBeUndefined();
  expect(resolveInside(root, '/etc/passwd')).toBeUndefined();
});

it('insideWorkspace throws VALIDATION_FAILED for a path that leaves the workspace', () => {
  expect(insideWorkspace(root, 'x.md')).toBe(path.join(root, 'x.md'));
  expect(() => insideWorkspace(root, '../x.md')).toThrow(AlmanacError);
});
