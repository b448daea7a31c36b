import { describe, expect, it } from 'vitest';
import { plainTitle } from '../plainTitle.js';
import { alertKind } from './alerts.js';
import { parseTagParams, pick } from './parseTagParams.js';

// Words that are also the names of Object's own properties: a lookup in a plain object finds a
// function for them, and `__proto__` as a key replaces the prototype.
describe('imported markup that names Object properties', () => {
  it('is not an alert kind', () => {
    expect(alertKind('constructor')).toBeUndefined();
    expect(alertKind('toString')).toBeUndefined();
    expect(alertKind('Note')).toBe('NOTE');
  });

  it('is a parameter like any other, __proto__ included', () => {
    const params = parseTagParams('__proto__="x" constructor="y" title="z"');
    expect(pick(params, 'constructor')).toBe('y');
    expect(pick(params, '__proto__')).toBe('x');
    expect(pick(params, 'hasOwnProperty')).toBeUndefined();
    expect(pick(params, 'title')).toBe('z');
  });

  it('is not an entity in a title', () => {
    expect(plainTitle('Use &constructor; &amp; more')).toBe('Use &constructor; & more');
  });
});
