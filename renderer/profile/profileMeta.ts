import type { AgentProfileMeta } from '../../main/api/index.js';

/** A hand-off or out-of-scope topic: a rule, example phrasings per language, keywords and amount limits. */
export type Intent = AgentProfileMeta['handoff'][number];

/** Where an intent lives in the profile: `handoff` or `scope.out`. */
export type IntentList = 'handoff' | 'out';

/** The path of an intent's field as the core reports problems: `handoff.2.topic`, `scope.out.0.rule`. */
export const intentPath = (list: IntentList, index: number, field?: string) =>
  `${list === 'handoff' ? 'handoff' : 'scope.out'}.${index}${field ? `.${field}` : ''}`;

/** An empty topic for the user to fill in. */
export function newIntent(): Intent {
  return {
    topic: '',
    rule: '',
    examples: { en: [] },
    keywords: [],
    except: [],
    amountWords: [],
    articles: [],
    risk: 'normal',
  };
}

/** A profile with the core's defaults, for a workspace that has none yet. */
export function newProfileMeta(name: string): AgentProfileMeta {
  return {
    name,
    role: '',
    tone: '',
    languages: ['en'],
    minConfidence: 0.35,
    lowConfidence: 'handoff',
    answerLength: { words: 150, characters: 300 },
    scope: { in: [], out: [] },
    handoff: [],
    modelHandoffCheck: true,
    handoffMessage: {},
  };
}

/** The locales to offer for examples and messages: the profile's, the workspace's and any already used. */
export function profileLocales(meta: AgentProfileMeta, workspaceLocales: string[] = [], more: string[] = []): string[] {
  return [...new Set(['en', 'zh-CN', ...meta.languages, ...workspaceLocales, ...more].filter(Boolean))];
}

const phrases = (list: string[]) => list.map((p) => p.trim()).filter(Boolean);

function cleanIntent(intent: Intent): Intent {
  const examples = Object.fromEntries(
    Object.entries(intent.examples)
      .map(([locale, list]) => [locale, phrases(list)] as const)
      .filter(([, list]) => list.length > 0),
  );
  const amounts = Object.entries(intent.amountAbove ?? {}).filter(([currency]) => currency.trim());
  const { amountAbove: _, ...rest } = intent;
  return {
    ...rest,
    topic: intent.topic.trim(),
    examples,
    keywords: phrases(intent.keywords),
    except: phrases(intent.except),
    amountWords: phrases(intent.amountWords),
    articles: phrases(intent.articles),
    ...(amounts.length
      ? { amountAbove: Object.fromEntries(amounts.map(([c, n]) => [c.trim().toUpperCase(), n])) }
      : {}),
  };
}

/** The profile as it goes to disk: blank phrases, empty example lists and unnamed currencies left out. */
export function cleanMeta(meta: AgentProfileMeta): AgentProfileMeta {
  return {
    ...meta,
    languages: phrases(meta.languages),
    scope: { in: phrases(meta.scope.in), out: meta.scope.out.map(cleanIntent) },
    handoff: meta.handoff.map(cleanIntent),
    handoffMessage: Object.fromEntries(Object.entries(meta.handoffMessage).filter(([, text]) => text.trim())),
  };
}
