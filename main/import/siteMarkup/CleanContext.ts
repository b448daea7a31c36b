import type { CleanOptions } from '../cleanSiteMarkup.js';

const maxNotes = 10;

/** What one clean-up run has removed so far, shared by the rule sets. */
export class CleanContext {
  removed = 0;
  readonly notes: string[] = [];
  /** Liquid `{% capture %}` bodies by variable name. */
  readonly captures = new Map<string, string>();
  /** Link targets already pointed at articles (`id.md#anchor`): never to be read as site paths again. */
  readonly linked = new Set<string>();

  constructor(readonly options: CleanOptions) {}

  /** Count a construct the cleaner did not understand and removed, noting it once. */
  unknown(note: string): void {
    this.removed++;
    const short = note.replace(/\s+/g, ' ').slice(0, 120);
    if (this.notes.length < maxNotes && !this.notes.includes(short)) this.notes.push(short);
  }
}
