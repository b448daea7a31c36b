import { describe, expect, it } from 'vitest';
import { agentProfileSchema } from './agentProfile.js';
import type { AnswerFeedback } from './answerFeedback.js';
import { handoffSuggestions } from './handoffSuggestions.js';

const meta = agentProfileSchema.parse({
  name: 'Oakley',
  handoff: [
    {
      topic: 'account-closure',
      rule: 'Closing the account',
      keywords: ['close|delete account'],
      examples: { en: ['Please close my account'] },
    },
    { topic: 'legal', rule: 'Lawyers and courts', keywords: ['lawyer|court'] },
  ],
});

let n = 0;
const said = (question: string, shouldHandoffTo?: string): AnswerFeedback => ({
  id: `f${n++}`,
  time: '2026-12-01T10:00:00Z',
  question,
  answer: 'an answer',
  against: 'drafts',
  helpful: false,
  citedArticleIds: [],
  versions: {},
  ...(shouldHandoffTo ? { shouldHandoffTo } : {}),
});

describe('handoffSuggestions', () => {
  it('offers the wordings readers flagged that the topic does not catch yet, most flagged first', () => {
    const suggestions = handoffSuggestions(meta, [
      said('My mum passed away, can you shut her login down?', 'account-closure'),
      said('We are going to the consumer association about this', 'legal'),
      said('we are going to the consumer  association about this', 'legal'),
      said('我妈妈去世了，她的号能帮忙弄没吗', 'account-closure'),
      // Caught by the keywords already, not flagged, or an unknown topic: nothing to add.
      said('please delete my account', 'account-closure'),
      said('How long do refunds take?'),
      said('Where is my parcel?', 'parcel-lost'),
    ]);
    expect(suggestions).toEqual([
      { topic: 'legal', locale: 'en', phrasing: 'We are going to the consumer association about this', count: 2 },
      {
        topic: 'account-closure',
        locale: 'en',
        phrasing: 'My mum passed away, can you shut her login down?',
        count: 1,
      },
      { topic: 'account-closure', locale: 'zh-CN', phrasing: '我妈妈去世了，她的号能帮忙弄没吗', count: 1 },
    ]);
  });

  it('stops offering a wording once it is an example phrasing: the topic catches it then', () => {
    const flagged = [said('My mum passed away, can you shut her login down?', 'account-closure')];
    expect(handoffSuggestions(meta, flagged)).toHaveLength(1);
    const closure = meta.handoff[0]!;
    const learned = {
      ...meta,
      handoff: [{ ...closure, examples: { en: [...closure.examples.en!, flagged[0]!.question] } }, meta.handoff[1]!],
    };
    expect(handoffSuggestions(learned, flagged)).toEqual([]);
  });
});
