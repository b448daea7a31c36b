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

/** The Chinese topics ask what the English ones of the same name ask. */
const sameTopic: Record<string, string> = { zhPetBeds: 'petBeds', zhShanghaiHours: 'shanghaiHours' };

const asked = (question: string, reason: GapQuestion['reason'] = 'handoff'): GapQuestion => ({ question, reason });
const all = Object.values(topics).flatMap((qs) => qs.map((q) => asked(q)));
const topicOf = (question: string) => Object.keys(topics).find((t) => topics[t]!.includes(question));
const subjectOf = (question: string) => {
  const topic = topicOf(question)!;
  return sameTopic[topic] ?? topic;
};
const isHan = (text: string) => /\p{Script=Han}/u.test(text);
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
      expect(new Set(cluster.questions.map((q) => subjectOf(q.question))).size, cluster.label).toBe(1);
  });

  it('counts repeated questions in the volume, most asked cluster first', async () => {
    const clusters = await clusterQuestions([
      ...all,
      ...Array.from({ length: 6 }, () => asked('Do you ship to Brazil?', 'unresolved')),
      asked('do you ship to brazil', 'low-confidence'),
    ]);
    expect(clusters.map((c) => c.volume)).toEqual(clusters.map((c) => c.volume).sort((a, b) => b - a));
    const brazil = clusters[clusterOf(clusters, 'do you ship to Brazil')]!;
    expect(brazil.volume).toBe(topics.brazil!.length + 7);
    expect(brazil.reasons).toEqual({ handoff: 5, unresolved: 6, 'low-confidence': 1 });
    expect(brazil.examples[0]).toBe('do you ship to Brazil');
    expect(brazil.examples.length).toBeLessThanOrEqual(5);
    expect(new Set(brazil.examples.map((e) => e.toLowerCase())).size).toBe(brazil.examples.length);
    expect(brazil.label).toBe('Do you ship to Brazil');
  });

  it('puts English and Chinese questions that ask the same thing together, in the language most of them use', async () => {
    const clusters = await clusterQuestions(all);
    // CC-CEDICT reads 窝 as "nest", not "bed": the pet-bed questions share only "pet" and "sell" and stay apart.
    const hours = clusters[clusterOf(clusters, 'store opening hours in Shanghai')]!;
    expect(clusterOf(clusters, '上海门店几点开门')).toBe(clusterOf(clusters, 'store opening hours in Shanghai'));
    expect(hours.language).toBe('en');
    expect(isHan(hours.label)).toBe(false);
    expect(hours.examples.some(isHan)).toBe(true);
    for (const only of ['can I pay with bitcoin', 'do you ship to Brazil'])
      expect(clusters[clusterOf(clusters, only)]!.questions.some((q) => isHan(q.question))).toBe(false);

    const mostlyChinese = await clusterQuestions(
      [...topics.zhShanghaiHours!, '上海门店周日开门吗', 'Shanghai store opening hours?'].map((q) => asked(q)),
    );
    expect(mostlyChinese).toHaveLength(1);
    expect(mostlyChinese[0]).toMatchObject({ language: 'zh', volume: 6 });
    expect(mostlyChinese[0]!.label).toContain('上海门店');
  });

  it('makes one gap of pet food asked in English and in Chinese, and keeps other topics out', async () => {
    const petFood = ['do you sell pet food', 'Do you have dog food?', 'cat food available?'];
    const zhPetFood = ['你们卖宠物粮吗', '有狗粮吗', '猫粮有卖吗', '宠物食品有卖吗'];
    const clusters = await clusterQuestions(
      [...petFood, ...zhPetFood, ...topics.crypto!, ...topics.zhShanghaiHours!].map((q) => asked(q)),
    );
    const food = clusters[clusterOf(clusters, 'do you sell pet food')]!;
    expect(food.questions.map((q) => q.question).sort()).toEqual([...petFood, ...zhPetFood].sort());
    expect(food.language).toBe('zh');
    expect(
      clusters.filter((c) => c.questions.some((q) => isHan(q.question) && !zhPetFood.includes(q.question))),
    ).toHaveLength(1);
  });

  it('makes one gap of an everyday question asked in both languages, and keeps different topics apart', async () => {
    const fresh: Record<string, string[]> = {
      dogFood: ['Do you sell dog food?', 'any dog food in stock?', 'looking for dry food for my dog'],
      zhDogFood: ['你们卖狗粮吗？', '有没有狗粮', '想买点狗粮'],
      address: [
        'How do I change my delivery address?',
        'can I update the delivery address on my order',
        'wrong delivery address, how do I change it',
      ],
      zhAddress: ['怎么修改收货地址？', '收货地址填错了能改吗', '下单后还能修改地址吗'],
      payPal: ['Can I pay with PayPal?', 'do you accept PayPal', 'PayPal payment possible?'],
      zhPayPal: ['可以用PayPal付款吗？', '支持PayPal支付吗', '能不能用PayPal'],
      giftWrap: ['do you offer gift wrapping', 'can you gift wrap my order', 'gift wrapping available?'],
      zhInvoice: ['发票怎么开', '可以开增值税发票吗', '电子发票在哪里下载'],
      zhParking: ['门店有停车场吗', '去门店停车方便吗', '店里可以停车吗'],
    };
    const clusters = await clusterQuestions(Object.values(fresh).flatMap((qs) => qs.map((q) => asked(q))));
    const gaps = clusters.map((c) => c.questions.map((q) => q.question).sort());
    for (const [en, zh] of [
      ['dogFood', 'zhDogFood'],
      ['address', 'zhAddress'],
      ['payPal', 'zhPayPal'],
    ] as const)
      expect(gaps).toContainEqual([...fresh[en]!, ...fresh[zh]!].sort());
    for (const alone of ['giftWrap', 'zhInvoice', 'zhParking']) expect(gaps).toContainEqual([...fresh[alone]!].sort());
    expect(clusters).toHaveLength(6);
  });

  it('names a gap by one of its typical questions, as asked, with personal data masked', async () => {
    const late = [
      'I bought a lamp 40 days ago, can I still return it?',
      'can I return a sofa I bought 35 days ago',
      'return something bought 2 months ago?',
      'I bought a rug 50 days ago, return it? my email is jo@example.com',
    ];
    const [cluster] = await clusterQuestions(late.map((q) => asked(q)));
    expect(cluster!.volume).toBe(late.length);
    const asWritten = late.map((q) => q.replace('jo@example.com', '[email]').toLowerCase());
    expect(asWritten).toContain(cluster!.label.toLowerCase());
    expect(cluster!.label).toMatch(/^[A-Z]/);
    expect(cluster!.label).not.toContain('@');

    const masked = await clusterQuestions([asked('my phone is 13812345678, where is my parcel?')]);
    expect(masked[0]!.label).toBe('My phone is [phone], where is my parcel?');
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
