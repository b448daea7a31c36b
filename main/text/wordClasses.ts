import { isPiece, lowerWords, term } from './terms.js';

/**
 * Concepts customers express in many words: "delete", "remove", "wipe", "get rid of", 删掉, 清掉,
 * 弄没 all ask to remove something. Two messages that share concepts say the same kind of thing even
 * when they share no word, which is what lets a hand-off topic learn from a handful of example
 * phrasings. English words are compared stemmed; Chinese entries match anywhere in the text.
 */
const classes: Record<string, { en: string[]; zh: string[] }> = {
  remove: {
    en: ['delete', 'remove', 'erase', 'wipe', 'purge', 'scrub', 'close', 'deactivate', 'terminate', 'shut', 'destroy'],
    zh: ['删', '清掉', '清除', '清空', '注销', '销户', '弄没', '作废', '抹掉', '去掉', '关闭', '关掉', '停用'],
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
    zh: ['资料', '信息', '数据', '记录', '隐私', '档案'],
  },
  handOver: {
    en: ['copy', 'send', 'export', 'download', 'see', 'show', 'hold', 'keep', 'store', 'collect'],
    zh: ['发给我', '给我一份', '打包', '导出', '下载', '存了', '保存', '收集', '留着', '留的'],
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
    ],
    zh: ['人工', '真人', '经理', '主管', '负责人', '领导', '找个人', '活人'],
  },
  bot: {
    en: ['bot', 'robot', 'automated', 'machine', 'script', 'links', 'useless'],
    zh: ['机器人', '程序', '自动回复', '糊弄', '链接'],
  },
  legal: {
    en: ['lawyer', 'attorney', 'solicitor', 'court', 'sue', 'lawsuit', 'police', 'regulator', 'legal', 'ombudsman'],
    zh: ['律师', '法院', '起诉', '报警', '警察', '消协', '监管', '仲裁', '公证', '法律'],
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
    ],
    zh: ['着火', '起火', '冒烟', '火花', '烧', '烫', '触电', '漏电', '受伤', '流血', '医院', '焦', '麻'],
  },
  charge: {
    en: ['charge', 'charged', 'billed', 'bill', 'debit', 'transaction', 'payment', 'statement'],
    zh: ['扣款', '扣费', '扣了', '扣我', '收费', '账单', '付款', '刷了'],
  },
  dispute: {
    en: ['twice', 'double', 'duplicate', 'dispute', 'chargeback', 'unauthorised', 'unauthorized', 'recognise', 'fraud'],
    zh: ['两次', '重复', '盗刷', '不认识', '争议', '拒付', '退单', '申诉'],
  },
  complaint: {
    en: ['complaint', 'complain', 'rude', 'unprofessional', 'disrespectful', 'formal', 'unacceptable', 'appalling'],
    zh: ['投诉', '态度', '没礼貌', '骂', '太差', '不专业', '正式'],
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
for (const [name, { en }] of Object.entries(classes))
  for (const entry of en) {
    const [map, key] = entry.startsWith('=') ? [bySurface, entry.slice(1)] : [byTerm, term(entry)];
    map.set(key, [...(map.get(key) ?? []), name]);
  }
const hanEntries = Object.entries(classes).flatMap(([name, { zh }]) => zh.map((w) => [w, name] as const));

/** The concepts a text expresses, as tokens (`§remove`, `§account`), each once. */
export function wordClasses(text: string): string[] {
  const found = new Set<string>();
  for (const w of lowerWords(text))
    for (const name of [...(byTerm.get(term(w)) ?? []), ...(bySurface.get(w) ?? [])]) found.add(name);
  for (const [w, name] of hanEntries) if (text.includes(w)) found.add(name);
  return [...found].map((name) => `§${name}`);
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
