import { describe, expect, it } from 'vitest';
import { decodeEntities, passageTerms, questionTerms, snippetText, terms } from './index.js';

// Words that are also the names of Object's own properties: a lookup in a plain object finds a
// function for them. Code, API docs and hostile input are full of them.
const objectWords = 'constructor toString valueOf hasOwnProperty __proto__ isPrototypeOf';

describe('words that name Object properties are words like any other', () => {
  it('are terms of a question and a passage, and do not stop the reading', () => {
    expect(terms(objectWords)).toContain('constructor');
    expect(questionTerms('What is a constructor?')).toEqual(['constructor']);
    expect(passageTerms(`${objectWords}; log in with login`).has('sign')).toBe(true);
  });

  it('are not entities: &constructor; stays as written', () => {
    expect(snippetText('a &constructor; b &amp; c')).toBe('a &constructor; b & c');
    expect(decodeEntities('&proto; &gt;')).toBe('&proto; >');
  });
});
