import { isPiece, lowerWords, term } from './terms.js';

/**
 * Concepts customers express in many words: "delete", "remove", "wipe", "get rid of", 删掉, 清掉,
 * 弄没 all ask to remove something. Two messages that share concepts say the same kind of thing even
 * when they share no word, which is what lets a hand-off topic learn from a handful of example
 * phrasings. English words are compared stemmed; Chinese entries match anywhere in the text.
 */
const classes: Record<string, { en: string[]; zh: string[] }> = {
  remove: {
    en: [
      'delete',
      'remove',
      'erase',
      'wipe',
      'purge',
      'scrub',
      'close',
      'deactivate',
      'terminate',
      'shut',
      'destroy',
      'forget',
    ],
    zh: [
      '删',
      '清掉',
      '清除',
      '清空',
      '注销',
      '销户',
      '弄没',
      '作废',
      '抹掉',
      '去掉',
      '关闭',
      '关掉',
      '停用',
      '废掉',
      '废了',
      '清干净',
      '不要留',
    ],
  },
  forever: {
    en: ['forever', 'permanently', 'completely', 'entirely', 'good', 'anymore', 'longer', 'gone'],
    zh: ['彻底', '永久', '永远', '再也', '不要了', '不想用了', '不用了', '干净'],
  },
  account: {
    en: ['account', 'login', 'profile', 'username', 'membership'],
    zh: ['账号', '账户', '帐号', '帐户', '这个号', '整个号', '会员'],
  },
  personalData: {
    en: ['data', 'information', 'info', 'details', 'records', 'record', 'file', 'history', '=personal', 'privacy'],
    zh: ['资料', '信息', '数据', '记录', '隐私', '档案', '个人资料'],
  },
  // Data about the customer as a person, in their own words: articles speak to "you", rarely of "me".
  aboutMe: {
    en: [
      'about me',
      'on me',
      'of me',
      'on file',
      'you hold',
      'you have on',
      'you know about',
      'you keep on',
      'my details',
      'my data',
      'my personal',
    ],
    zh: ['关于我', '我的资料', '我的信息', '我的个人', '我的数据', '我的隐私', '我留的', '我在你们'],
  },
  handOver: {
    en: [
      'copy',
      'send',
      'export',
      'download',
      'see',
      'show',
      'hold',
      'keep',
      'store',
      'collect',
      'pass',
      'share',
      'sold',
      'sell',
      'given',
      'hand',
    ],
    zh: [
      '发给我',
      '给我一份',
      '打包',
      '导出',
      '下载',
      '存了',
      '保存',
      '收集',
      '留着',
      '留的',
      '卖了',
      '卖给',
      '给谁',
      '给了谁',
      '泄露',
      '共享',
      '透露',
      '看过',
    ],
  },
  phone: {
    en: ['phone', 'number', 'sim', 'mobile', 'cell', 'email', 'inbox'],
    zh: ['手机', '号码', '手机号', '邮箱', '电话'],
  },
  lost: {
    en: ['lost', 'lose', 'stolen', 'old', 'dead', 'broken', 'gone', 'cancelled', 'expired'],
    zh: ['丢', '被偷', '不用了', '停机', '注销了', '换号', '旧', '收不到', '登不上'],
  },
  person: {
    en: [
      'human',
      // "person" and "personal" as written: they share a stem.
      '=person',
      '=persons',
      'people',
      'agent',
      'manager',
      'supervisor',
      'someone',
      'somebody',
      'staff',
      'representative',
      'anybody',
      'boss',
      'superior',
      'operator',
      'real person',
      'actual person',
      'anybody there',
      'anyone there',
      'someone there',
      'a human',
    ],
    zh: ['人工', '真人', '经理', '主管', '负责人', '领导', '找个人', '活人', '喘气的', '上级', '能做主'],
  },
  bot: {
    en: ['bot', 'robot', 'automated', 'machine', 'script', 'links', 'useless'],
    zh: ['机器人', '程序', '自动回复', '糊弄', '链接'],
  },
  legal: {
    en: [
      'lawyer',
      'attorney',
      'solicitor',
      'court',
      'sue',
      'lawsuit',
      'police',
      'regulator',
      'legal',
      'ombudsman',
      'illegal',
      'theft',
      'cop',
      'tribunal',
    ],
    zh: [
      '律师',
      '法院',
      '起诉',
      '报警',
      '警察',
      '消协',
      '监管',
      '仲裁',
      '公证',
      '法律',
      '违法',
      '犯法',
      '合法',
      '派出所',
      '笔录',
      '立案',
      '公安',
      '合规',
      '举报',
    ],
  },
  danger: {
    en: [
      'fire',
      'smoke',
      'spark',
      'burn',
      'shock',
      'melt',
      'overheat',
      'hot',
      'injure',
      'hurt',
      'bleed',
      'hospital',
      'buzz',
      'zap',
      'electrocute',
      'explode',
      'burst',
      'shard',
      'topple',
      'injury',
      'wound',
      'bruise',
      'stitches',
      'scorch',
      'singe',
      'blaze',
      'sizzle',
    ],
    zh: [
      '着火',
      '起火',
      '冒烟',
      '火花',
      '烧',
      '烫',
      '触电',
      '漏电',
      '受伤',
      '流血',
      '医院',
      '焦',
      '麻',
      '电了',
      '被电',
      '电到',
      '电击',
      '冒了',
      '糊味',
      '火苗',
      '砸',
      '掉下来',
      '摔下来',
      '摔倒',
      '摔伤',
      '塌',
      '危险',
      '玻璃碴',
      '伤到',
      '烫伤',
      '砸伤',
      '一股烟',
      '炸了',
      '炸开',
    ],
  },
  charge: {
    en: ['charge', 'charged', 'billed', 'bill', 'debit', 'transaction', 'payment', 'statement'],
    zh: ['扣款', '扣费', '扣了', '扣我', '收费', '账单', '付款', '刷了'],
  },
  dispute: {
    // Not "twice" or "两次": a double charge is usually a pending hold the articles explain.
    en: [
      'dispute',
      'chargeback',
      'unauthorised',
      'unauthorized',
      'recognise',
      'fraud',
      'fraudulent',
      'scam',
      'never bought',
      'never ordered',
      'never purchased',
      'never made',
      'not me',
      "wasn't me",
      'without my permission',
      'without my consent',
      "didn't authorise",
      "didn't authorize",
      'someone used',
      'somebody used',
      'not mine',
      'stolen card',
    ],
    zh: [
      '盗刷',
      '不认识',
      '争议',
      '拒付',
      '退单',
      '申诉',
      '没买过',
      '没授权',
      '不是我本人',
      '不是我操作',
      '莫名其妙',
      '没开过',
      '没在你们家买',
      '没在你们这买',
      '从没买',
      '从来没买',
      '没下过单',
      '不是我买的',
      '不是我下的',
      '被人用了',
      '盗用',
      '被盗用',
    ],
  },
  complaint: {
    en: [
      'complaint',
      'complain',
      'rude',
      'unprofessional',
      'disrespectful',
      'unacceptable',
      'appalling',
      'mistreated',
      'insult',
      'yell',
      'shout',
      'swore',
      'swear',
      'hostile',
      'aggressive',
      'arrogant',
      'dismissive',
      'cut me off',
      'hung up on me',
      'on record',
      'how i was treated',
    ],
    zh: ['投诉', '态度', '没礼貌', '骂', '太差', '不专业', '说法', '甩脸', '凶', '吼', '不承认', '耍赖', '欺负'],
  },
  damage: {
    en: [
      'damage',
      'damaged',
      'broken',
      'break',
      'crush',
      'crack',
      'dent',
      'scratch',
      'torn',
      'tear',
      'smash',
      'shatter',
      'chip',
      'bent',
    ],
    zh: ['损坏', '坏了', '破损', '破了', '裂', '碎', '磕', '凹', '划痕', '压坏', '压扁', '变形'],
  },
  money: {
    en: ['refund', 'money', 'compensation', 'compensate', 'reimburse', 'pay', 'cost'],
    zh: ['退款', '退钱', '赔', '补偿', '报销', '钱'],
  },
};

const byTerm = new Map<string, string[]>();
/** Entries written `=word`: matched as written, not by stem. */
const bySurface = new Map<string, string[]>();
/** Entries of several words ("never bought"): matched as consecutive words, stemmed. */
const phrases: { words: string[]; name: string }[] = [];
for (const [name, { en }] of Object.entries(classes))
  for (const entry of en) {
    if (entry.includes(' ')) {
      phrases.push({ words: lowerWords(entry).map(term), name });
      continue;
    }
    const [map, key] = entry.startsWith('=') ? [bySurface, entry.slice(1)] : [byTerm, term(entry)];
    map.set(key, [...(map.get(key) ?? []), name]);
  }
const hanEntries = Object.entries(classes).flatMap(([name, { zh }]) => zh.map((w) => [w, name] as const));

/** The concepts a text expresses, as tokens (`§remove`, `§account`), each once. */
export function wordClasses(text: string): string[] {
  return [...conceptSources(text).keys()];
}

/**
 * The concepts a text expresses, each with the words that express it: one word ("gone") may
 * express two concepts (forever, lost) and must not count as two pieces of evidence.
 */
export function conceptSources(text: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (name: string, word: string) => {
    const key = `§${name}`;
    const words = found.get(key) ?? new Set<string>();
    words.add(word);
    found.set(key, words);
  };
  const said = lowerWords(text);
  for (const w of said) for (const name of [...(byTerm.get(term(w)) ?? []), ...(bySurface.get(w) ?? [])]) add(name, w);
  if (phrases.length) {
    const stems = said.map(term);
    for (const { words, name } of phrases)
      for (let i = 0; i + words.length <= stems.length; i++)
        if (words.every((w, j) => stems[i + j] === w)) add(name, said.slice(i, i + words.length).join(' '));
  }
  for (const [w, name] of hanEntries) if (text.includes(w)) add(name, w);
  return found;
}

/**
 * The concepts of a text already cut into lower-cased words (an index's full-text column), without
 * segmenting it again: for counting how much of the knowledge expresses each concept.
 */
export function conceptsOfWords(words: readonly string[]): Set<string> {
  const found = new Set<string>();
  const stems = words.map(term);
  words.forEach((w, i) => {
    for (const name of [...(byTerm.get(stems[i]!) ?? []), ...(bySurface.get(w) ?? [])]) found.add(`§${name}`);
  });
  for (const { words: phrase, name } of phrases)
    for (let i = 0; i + phrase.length <= stems.length; i++)
      if (phrase.every((w, j) => stems[i + j] === w)) found.add(`§${name}`);
  const han = words.filter((w) => /\p{Script=Han}/u.test(w)).join('');
  if (han) for (const [w, name] of hanEntries) if (han.includes(w)) found.add(`§${name}`);
  return found;
}

/**
 * The concepts whose words say the same thing ("crushed" and "damaged", "remove" and "delete"), as
 * opposed to those that only point the same way (money, account, sending): only these let a passage
 * cover a question term in other words.
 */
const synonymous = new Set(['damage', 'remove', 'personalData', 'person', 'legal', 'danger', 'dispute', 'complaint']);

const ofTerm = new Map<string, string[]>();

/** The synonymous concepts one term (a stemmed English word, or a Chinese word) belongs to. */
export function termClasses(t: string): string[] {
  let found = ofTerm.get(t);
  if (!found) {
    const names = new Set([...(byTerm.get(t) ?? []), ...(bySurface.get(t) ?? [])]);
    if (/\p{Script=Han}/u.test(t)) for (const [w, name] of hanEntries) if (t.includes(w)) names.add(name);
    found = [...names].filter((name) => synonymous.has(name));
    if (ofTerm.size >= 50_000) ofTerm.clear();
    ofTerm.set(t, found);
  }
  return found;
}

const ofPassage = new WeakMap<Set<string>, Set<string>>();

/** The synonymous concepts a passage's terms belong to (see `passageTerms`), computed once per term set. */
export function passageClasses(terms: Set<string>): Set<string> {
  let found = ofPassage.get(terms);
  if (!found) {
    // Marked Han pieces (see `hanPieces`) are not words: only words have concepts.
    found = new Set([...terms].filter((t) => !isPiece(t)).flatMap(termClasses));
    ofPassage.set(terms, found);
  }
  return found;
}
