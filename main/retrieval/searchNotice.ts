/** Why a search ran other than asked, as a code and parameters that each front end words in its own language. */
export type SearchNotice =
  { code: 'NO_MODEL'; params: { modelDir?: string } } | { code: 'VECTORS_PENDING'; params: Record<string, never> };

/** The notice for a vector or hybrid search without an embedding model. */
export function noModelNotice(modelDir?: string): SearchNotice {
  return { code: 'NO_MODEL', params: modelDir ? { modelDir } : {} };
}

/** The notice for a vector or hybrid search while the first vectors are still being computed. */
export const vectorsPendingNotice: SearchNotice = { code: 'VECTORS_PENDING', params: {} };

/** A notice in English, for the command line. */
export function noticeText(notice: SearchNotice): string {
  switch (notice.code) {
    case 'NO_MODEL':
      return `Lexical search only: no embedding model${notice.params.modelDir ? ` in ${notice.params.modelDir}` : ''}. Install one with \`almanac model install <id>\` or pass --model-dir <folder>.`;
    case 'VECTORS_PENDING':
      return 'Lexical search only while vectors are computed for the first time.';
  }
}
