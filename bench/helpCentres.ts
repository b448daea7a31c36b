// Right answers from real help centres: each site of bench/data/helpcentres/sites.json is imported
// from its checkout (ALMANAC_HELPCENTRES/<site>), indexed, and asked its questions; MiniSearch and
// Orama rank the same imported articles beside it. The questions and their answers were written
// from the sources before any search (bench/data/helpcentres/README.md).
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerQuestion, KnowledgeViews } from '../main/answer/index.js';
import { importPaths } from '../main/import/index.js';
import { ChunkIndex, indexDir, indexWorkspace } from '../main/indexing/index.js';
import { rankArticles } from '../main/retrieval/index.js';
import { reviewedStore } from '../main/review/index.js';
import { createWorkspace, openWorkspace } from '../main/session/index.js';
import type { PeerDoc, PeerLanguage, PeerRanker } from './peers.js';
import { miniSearchPeer } from './peers/miniSearchPeer.js';
import { oramaPeer } from './peers/oramaPeer.js';
import { round } from './stats.js';

interface Site {
  site: string;
  repo: string;
  commit: string;
  generator: string;
  root: string;
  locale: 'en' | 'zh';
  /** Questions written after the engine was tuned and never tuned on: reported apart, misses not listed. */
  heldOut?: boolean;
}

interface Question {
  id: string;
  question: string;
  expected: string[];
  facts: string[];
  kind: string;
  locale: string;
}

/** Retrieval figures of one ranker on one site's answerable questions. */
export interface RankScores {
  hit1: number;
  hit3: number;
  mrr: number;
}

export interface SiteScores {
  site: string;
  generator: string;
  locale: string;
  repo: string;
  /** A site whose questions were written after tuning and are never tuned on (see `Site.heldOut`). */
  heldOut: boolean;
  articles: number;
  questions: number;
  almanac: RankScores & {
    /** The answer's first citation is an expected article (and the question was answered). */
    firstCitation: number;
    /** The answer states at least one of the expected facts. */
    factStated: number;
    /** Questions the site does not answer that were handed off or answered below the profile's minimum. */
    unanswerableHandled: number;
  };
  peers: Record<string, RankScores>;
  misses: {
    id: string;
    question: string;
    expected: string[];
    facts: string[];
    ranked: string[];
    cited?: string;
    confidence?: number;
    answer: string;
  }[];
}

export interface HelpCentreBench {
  sites: SiteScores[];
  /** Means over the sites the engine was tuned on. */
  overall: SiteScores['almanac'] & { questions: number };
  /** Means over the held-out sites, when there are any. */
  heldOut?: SiteScores['almanac'] & { questions: number };
  /** First-citation accuracy per confidence band, over every answered question of the tuned-on sites. */
  calibration: { band: string; answers: number; firstCitationRight: number }[];
  bestPeer: Record<string, string>;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();

function rankScores(ranks: (number | undefined)[]): RankScores {
  const n = ranks.length || 1;
  return {
    hit1: round(ranks.filter((r) => r === 1).length / n),
    hit3: round(ranks.filter((r) => r !== undefined && r <= 3).length / n),
    mrr: round(ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / n),
  };
}

const firstRank = (ranked: string[], expected: Set<string>) => {
  const i = ranked.findIndex((id) => expected.has(id));
  return i < 0 ? undefined : i + 1;
};

async function peerRankers(docs: PeerDoc[], language: PeerLanguage): Promise<Record<string, PeerRanker>> {
  return {
    'MiniSearch + stemmer, stop words dropped': miniSearchPeer(docs, language, { stemAndStopWords: language === 'en' }),
    'MiniSearch defaults': miniSearchPeer(docs, language, { stemAndStopWords: false }),
    'Orama, prefix off': await oramaPeer(docs, language, { prefix: false, stemAndStopWords: false }),
    'Orama + stemming + stop words, prefix off': await oramaPeer(docs, language, {
      prefix: false,
      stemAndStopWords: language === 'en',
    }),
  };
}

/** Import, index and question every site; throws when ALMANAC_HELPCENTRES or a site's checkout is missing. */
export async function helpCentreBench(
  repoRoot: string,
  sitesDir: string | undefined,
  options: { keepIn?: string; only?: string[] } = {},
): Promise<HelpCentreBench> {
  const dataDir = path.join(repoRoot, 'bench/data/helpcentres');
  const sites = JSON.parse(await readFile(path.join(dataDir, 'sites.json'), 'utf8')) as Site[];
  if (!sitesDir)
    throw new Error(
      'Set ALMANAC_HELPCENTRES to the folder holding the help-centre checkouts (one folder per site; see bench/data/helpcentres/README.md).',
    );
  const out: SiteScores[] = [];
  const bands = [0, 0.2, 0.4, 0.6, 0.8].map((from) => ({ from, answers: 0, right: 0 }));
  for (const site of sites.filter((s) => !options.only || options.only.includes(s.site))) {
    const folder = path.join(sitesDir, site.site, site.root);
    if (!existsSync(folder))
      throw new Error(
        `${folder} is missing: check out ${site.repo}@${site.commit} there (bench/data/helpcentres/README.md).`,
      );
    const questions = (await readFile(path.join(dataDir, `${site.site}.jsonl`), 'utf8'))
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Question);
    // `keepIn` keeps each imported workspace between runs (a development loop); a bench run starts afresh.
    const tmp = options.keepIn ?? (await mkdtemp(path.join(tmpdir(), `almanac-helpcentre-${site.site}-`)));
    try {
      const root = path.join(tmp, site.site);
      const kept = options.keepIn && existsSync(path.join(root, 'almanac.json'));
      const ws = kept
        ? await openWorkspace(root)
        : await createWorkspace(root, {
            name: site.site,
            defaultProfile: path.join(repoRoot, 'resources/default-profile.md'),
          });
      const { store, book } = reviewedStore(ws);
      if (!kept) await importPaths(store, [folder]);
      const index = await ChunkIndex.open(indexDir(store));
      await indexWorkspace(store, index);
      const views = new KnowledgeViews({ store, book, draftsIndex: async () => index });
      const knowledge = await views.drafts();
      // The source path of each imported page (relative to the site's root) -> its article id.
      const articles = await store.list();
      const byPath = new Map<string, string>();
      const docs: PeerDoc[] = [];
      for (const summary of articles) {
        const article = await store.get(summary.id);
        const source = article.meta.source?.path;
        if (source) byPath.set(source.replace(/^\.\//, ''), article.id);
        docs.push({ id: article.id, title: article.title, text: article.body });
      }
      const idOf = (p: string) =>
        byPath.get(p) ?? [...byPath].find(([source]) => source.endsWith(`/${p}`) || p.endsWith(`/${source}`))?.[1];
      const peers = await peerRankers(docs, site.locale === 'zh' ? 'zh' : 'en');
      const peerRanks: Record<string, (number | undefined)[]> = Object.fromEntries(
        Object.keys(peers).map((k) => [k, []]),
      );
      const ranks: (number | undefined)[] = [];
      let cited = 0;
      let stated = 0;
      let answerable = 0;
      let unanswerable = 0;
      let handled = 0;
      const misses: SiteScores['misses'] = [];
      for (const q of questions) {
        const expected = new Set(q.expected.map((p) => idOf(p)).filter((id): id is string => !!id));
        const result = await answerQuestion(knowledge, q.question);
        const answered = !result.handoff;
        if (q.expected.length === 0) {
          unanswerable++;
          if (!answered) handled++;
          continue;
        }
        answerable++;
        const ranked = await rankArticles(index, q.question, 10, { mode: 'lexical' });
        const rank = firstRank(ranked, expected);
        ranks.push(rank);
        for (const [name, ranker] of Object.entries(peers))
          peerRanks[name]!.push(firstRank(await ranker(q.question, 10), expected));
        const first = result.citations[0]?.articleId;
        const right = answered && !!first && expected.has(first);
        if (right) cited++;
        const text = norm(result.answer ?? '');
        const states = answered && q.facts.some((f) => text.includes(norm(f)));
        if (states) stated++;
        if (answered && !site.heldOut) {
          const band = bands.findLast((b) => result.confidence >= b.from)!;
          band.answers++;
          if (right) band.right++;
        }
        // A held-out site's misses are not listed: reading them would be tuning on them.
        if (!site.heldOut && (!right || rank === undefined || rank > 3 || !states))
          misses.push({
            id: q.id,
            question: q.question,
            expected: [...expected],
            facts: q.facts,
            ranked: ranked.slice(0, 3),
            cited: answered ? first : `handed off (${result.handoff?.kind})`,
            confidence: round(result.confidence, 2),
            answer: (result.answer ?? '').slice(0, 400),
          });
      }
      await views.close();
      index.close();
      out.push({
        site: site.site,
        generator: site.generator,
        locale: site.locale,
        repo: `${site.repo}@${site.commit.slice(0, 7)}`,
        heldOut: !!site.heldOut,
        articles: articles.length,
        questions: questions.length,
        almanac: {
          ...rankScores(ranks),
          firstCitation: round(cited / (answerable || 1)),
          factStated: round(stated / (answerable || 1)),
          unanswerableHandled: round(handled / (unanswerable || 1)),
        },
        peers: Object.fromEntries(Object.entries(peerRanks).map(([k, r]) => [k, rankScores(r)])),
        misses,
      });
    } finally {
      if (!options.keepIn) await rm(tmp, { recursive: true, force: true });
    }
  }
  const means = (of: SiteScores[]) => {
    const mean = (pick: (s: SiteScores) => number) => round(of.reduce((s, x) => s + pick(x), 0) / (of.length || 1));
    return {
      questions: of.reduce((s, x) => s + x.questions, 0),
      hit1: mean((s) => s.almanac.hit1),
      hit3: mean((s) => s.almanac.hit3),
      mrr: mean((s) => s.almanac.mrr),
      firstCitation: mean((s) => s.almanac.firstCitation),
      factStated: mean((s) => s.almanac.factStated),
      unanswerableHandled: mean((s) => s.almanac.unanswerableHandled),
    };
  };
  const heldOut = out.filter((s) => s.heldOut);
  return {
    sites: out,
    overall: means(out.filter((s) => !s.heldOut)),
    ...(heldOut.length ? { heldOut: means(heldOut) } : {}),
    calibration: bands.map((b, i) => ({
      band: `${b.from.toFixed(1)}–${(bands[i + 1]?.from ?? 1).toFixed(1)}`,
      answers: b.answers,
      firstCitationRight: round(b.right / (b.answers || 1)),
    })),
    bestPeer: Object.fromEntries(
      out.map((s) => {
        const best = Object.entries(s.peers).sort((a, b) => b[1].hit3 - a[1].hit3 || b[1].mrr - a[1].mrr)[0]!;
        return [s.site, `${best[0]} (hit@3 ${best[1].hit3})`];
      }),
    ),
  };
}
