import { describe, expect, it } from 'vitest';
import { clusterQuestions, type GapCluster, type GapQuestion } from './clusterQuestions.js';

const topics: Record<string, string[]> = {
  petBeds: [
    'do you sell pet beds',
    'pet bed available?',
    'Do you have beds for dogs or cats?',
    'looking for a dog bed, do you sell those',
    'any pet beds in your catalogue',
    'is there a bed for my cat',
    'do you sell a pet bed that matches the oak sofa',
  ],
  crypto: [
    'can I pay with bitcoin',
    'crypto payment?',
    'Do you accept crypto payments',
    'can I pay with crypto',
    'do you take bitcoin or other crypto?',
    'bitcoin accepted at checkout?',
    'is paying with cryptocurrency an option',
  ],
  shanghaiHours: [
    'store opening hours in Shanghai',
    'what time does the Shanghai store open',
    'Shanghai showroom opening hours on weekends',
    'when does your shop in Shanghai open',
    'is the Shanghai store open on Sunday',
  ],
  brazil: [
    'do you ship to Brazil',
    'Shipping to Brazil?',
    'can I order from Brazil',
    'delivery to Brazil, how long',
    'do you deliver to Sao Paulo Brazil',
  ],
  zhPetBeds: ['宠物窝有卖吗', '你们卖宠物窝吗', '有没有狗窝卖', '猫窝有吗', '想买个宠物窝'],
  zhShanghaiHours: ['上海门店几点开门', '上海的门店营业时间是几点', '上海门店周末几点开门', '上海店几点关门'],
};

const asked = (question: string, reason: GapQuestion['reason'] = 'handoff'): GapQuestion => ({ question, reason });
const all = Object.values(topics).flatMap((qs) => qs.map((q) => asked(q)));
const topicOf = (question: string) => Object.keys(topics).find((t) => topics[t]!.includes(question));
const clusterOf = (clusters: GapCluster[], question: string) =>
  clusters.findIndex((c) => c.questions.some((q) => q.question === question));

describe('clusterQuestions', () => {
  it('puts paraphrases of one missing topic together and keeps topics apart', async () => {
    const clusters = await clusterQuestions(all);
    for (const [topic, qs] of Object.entries(topics)) {
      const homes = qs.map((q) => clusterOf(clusters, q));
      const largest = Math.max(...homes.map((h) => homes.filter((x) => x === h).length));
      expect(largest, topic).toBeGreaterThanOrEqual(qs.length - 1);
    }
    for (const cluster of clusters)
      expect(new Set(cluster.questions.map((q) => topicOf(q.question))).size, cluster.label).toBe(1);
  });

  it('counts repeated questions in the volume, most asked cluster first', async () => {
    const clusters = await clusterQuestions([
      ...all,
      ...Array.from({ length: 6 }, () => asked('Do you ship to Brazil?', 'unresolved')),
      asked('do you ship to brazil', 'low-confidence'),
    ]);
    expect(clusters.map((c) => c.volume)).toEqual(clusters.map((c) => c.volume).sort((a, b) => b - a));
    const brazil = clusters[0]!;
    expect(brazil.volume).toBe(topics.brazil!.length + 7);
    expect(brazil.reasons).toEqual({ handoff: 5, unresolved: 6, 'low-confidence': 1 });
    expect(brazil.examples[0]).toBe('do you ship to Brazil');
    expect(brazil.examples.length).toBeLessThanOrEqual(5);
    expect(new Set(brazil.examples.map((e) => e.toLowerCase())).size).toBe(brazil.examples.length);
    expect(brazil.label).toBe('ship Brazil');
  });

  it('never mixes Chinese and English questions', async () => {
    const clusters = await clusterQuestions(all);
    for (const c of clusters) {
      const languages = new Set(c.questions.map((q) => (/\p{Script=Han}/u.test(q.question) ? 'zh' : 'en')));
      expect([...languages]).toEqual([c.language]);
    }
    const hours = clusters[clusterOf(clusters, '上海门店几点开门')]!;
    expect(hours.language).toBe('zh');
    expect(hours.label).toContain('上海门店');
  });

  it('finds misspelt questions and lists the articles the agent cited, most cited first', async () => {
    const clusters = await clusterQuestions([
      { question: 'how do I get a refund', reason: 'low-confidence', articleIds: ['refund-policy'] },
      { question: 'refunds take how long?', reason: 'low-confidence', articleIds: ['refund-timing', 'refund-policy'] },
      { question: 'when will my refnd arrive', reason: 'unresolved', articleIds: ['refund-timing'] },
      { question: 'refund still not here', reason: 'unresolved', articleIds: ['refund-policy'] },
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.label.split(' ')).toContain('refund');
    expect(clusters[0]!.relatedArticles).toEqual(['refund-policy', 'refund-timing']);
  });

  it('leaves out clusters below minVolume', async () => {
    const clusters = await clusterQuestions([...all, asked('do you sell gift wrapping paper')], { minVolume: 3 });
    expect(clusters.every((c) => c.volume >= 3)).toBe(true);
    expect(clusterOf(clusters, 'do you sell gift wrapping paper')).toBe(-1);
  });

  it('groups by the embeddings when given', async () => {
    const embedded: string[] = [];
    const same = async (text: string) => {
      embedded.push(text);
      return Float32Array.from([1, 0, 0]);
    };
    const clusters = await clusterQuestions([...all, asked('can I pay with bitcoin')], { embed: same });
    expect(embedded).toHaveLength(all.length);
    const zh = topics.zhPetBeds!.length + topics.zhShanghaiHours!.length;
    expect(clusters.map((c) => [c.language, c.volume])).toEqual([
      ['en', all.length - zh + 1],
      ['zh', zh],
    ]);

    // Payments and Brazil share no words; only the embedding puts them together.
    const axis = { crypto: 0, brazil: 0, petBeds: 1, shanghaiHours: 2 } as Record<string, number>;
    const byTopic = async (text: string) => Float32Array.from([0, 1, 2], (k) => (axis[topicOf(text)!] === k ? 1 : 0));
    const english = [...topics.crypto!, ...topics.brazil!, ...topics.petBeds!, ...topics.shanghaiHours!];
    const grouped = await clusterQuestions(
      english.map((q) => asked(q)),
      { embed: byTopic },
    );
    expect(grouped.map((c) => [...new Set(c.questions.map((q) => topicOf(q.question)))].sort())).toEqual([
      ['brazil', 'crypto'],
      ['petBeds'],
      ['shanghaiHours'],
    ]);
  });
});
