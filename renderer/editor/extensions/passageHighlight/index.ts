export { PassageHighlight, findPassage, visibleLetters } from './passageHighlight';
export type { PassageHighlightOptions } from './passageHighlight';
