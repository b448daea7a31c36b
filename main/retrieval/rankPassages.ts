import { articleScores, coverage, navigationShare, passageTerms, type TermStats } from '../text/index.js';
import type { SearchResult } from './searchChunks.js';

/** A retrieved section with how well it reads as the answer to the question. */
export interface RankedPassage {
  result: SearchResult;
  /** The question's weighted terms the section holds (title, headings and text). */
  coverage: number;
  /** The same for its title and headings alone: the section that asks the question answers it. */
  heading: number;
  /**
   * Search score relative to the best, plus coverage (×0.25), heading coverage (×0.5) and the whole
   * page's score (×0.1); lowered for a section that is only links (`navigationWeight`).
   */
  relevance: number;
  matched: string[];
  missing: string[];
}

/** A reading of a section's text, remembered: the same sections come back question after question. */
function remembered<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let found = seen.get(text);
    if (found === undefined) {
      if (seen.size >= 20_000) seen.clear();
      seen.set(text, (found = read(text)));
    }
    return found;
  };
}

const cachedTerms = remembered(passageTerms);

/**
 * What the whole article's BM25 (`articleScores`, relative to the best retrieved article) adds: a page
 * whose sections together hold the question's words, as page-level engines (MiniSearch, Orama) read
 * it. Measured (`--only=quality,helpcentres`, lexical) on the shared sets and the five tuned sites:
 * 0 gives StackFAQ .795, COVID-FAQ .768, esun FAQ .838, help-centre hit@1 .90/.905/.875/.80/.80;
 * 0.1 gives .797 / .761 / .838 and .90/.952/.875/.80/.85; 0.25 .799 / .740 / .848 and
 * .85/.952/.875/.80/.85 (duckduckgo loses a first citation); 0.5 COVID-FAQ .706. Then, once, on the
 * held-out sites: bitwarden-help hit@1 .35 → .45 (MRR .50 → .55), 1panel-docs .70 → .75.
 */
export const pageWeight = 0.1;

/**
 * How much a section that is all links counts (`navigationShare`: an FAQ index, a "see also" list):
 * its relevance is lowered by this share of its link-only text. It holds every question's words and
 * answers none. Measured (`--only=quality,helpcentres`): 0.5 moves Ente's FAQ index off the first
 * place (hit@1 0.682 → 0.727), the shared sets and the other sites unchanged; 0.8 also costs
 * zotero-chinese and Cake Wallet a first place each, whose answers sit beside their links.
 */
const navigationWeight = 0.5;

const cachedNavigation = remembered(navigationShare);

/**
 * Sections ranked as answers: by search score (relative to the best one) plus how much of the
 * question they cover, their title and headings counting double. BM25 alone lets a section win on
 * one frequent word; a section whose heading asks the question answers it. Measured on the shared
 * datasets and the help-centre set (docs/benchmark.md): StackFAQ nDCG@10 0.756 → 0.789, COVID-FAQ
 * 0.773 → 0.770, esun 0.860 → 0.836 (all above MiniSearch and Orama), help centres hit@1 0.73 → 0.83.
 */
export function rankPassages(results: SearchResult[], questionTermList: string[], stats: TermStats): RankedPassage[] {
  const top = Math.max(...results.map((r) => r.score), 1e-9);
  const pages = articleScores(
    stats,
    questionTermList,
    results.map((r) => r.articleId),
  );
  const topPage = Math.max(...pages.values(), 1e-9);
  return results
    .map((result) => {
      const full = coverage(
        questionTermList,
        cachedTerms(`${result.title}\n${result.headings.join('\n')}\n${result.text}`),
        stats,
      );
      const heading = coverage(
        questionTermList,
        passageTerms(`${result.title}\n${result.headings.join('\n')}`),
        stats,
      ).score;
      return {
        result,
        coverage: full.score,
        heading,
        relevance:
          (result.score / top +
            0.25 * full.score +
            0.5 * heading +
            pageWeight * ((pages.get(result.articleId) ?? 0) / topPage)) *
          (1 - navigationWeight * cachedNavigation(result.text)),
        matched: full.matched,
        missing: full.missing,
      };
    })
    .sort((a, b) => b.relevance - a.relevance);
}
