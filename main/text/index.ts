export { hasHan, sentenceSegments, slices, wordSegments, words } from './words.js';
export type { Segment } from './words.js';
