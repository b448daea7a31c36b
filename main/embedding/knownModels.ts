export interface ModelSpec {
  id: string;
  dimension: number;
  pooling: 'mean' | 'cls';
  normalize: boolean;
  queryPrefix: string;
  passagePrefix: string;
}

/** Models Almanac knows how to use well: their pooling and the prefixes they were trained with. */
export const knownModels: ModelSpec[] = [
  {
    id: 'Xenova/multilingual-e5-small',
    dimension: 384,
    pooling: 'mean',
    normalize: true,
    queryPrefix: 'query: ',
    passagePrefix: 'passage: ',
  },
  {
    id: 'Xenova/multilingual-e5-base',
    dimension: 768,
    pooling: 'mean',
    normalize: true,
    queryPrefix: 'query: ',
    passagePrefix: 'passage: ',
  },
  {
    id: 'Xenova/all-MiniLM-L6-v2',
    dimension: 384,
    pooling: 'mean',
    normalize: true,
    queryPrefix: '',
    passagePrefix: '',
  },
  {
    id: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
    dimension: 384,
    pooling: 'mean',
    normalize: true,
    queryPrefix: '',
    passagePrefix: '',
  },
  {
    id: 'Xenova/bge-small-zh-v1.5',
    dimension: 512,
    pooling: 'cls',
    normalize: true,
    queryPrefix: '为这个句子生成表示以用于检索相关文章：',
    passagePrefix: '',
  },
  {
    id: 'Xenova/bge-small-en-v1.5',
    dimension: 384,
    pooling: 'cls',
    normalize: true,
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    passagePrefix: '',
  },
];

/** The spec for a model id (dimension always from its config.json); unknown models get mean pooling and no prefixes. */
export function modelSpec(id: string, hiddenSize: number): ModelSpec {
  const known = knownModels.find((m) => m.id.toLowerCase() === id.toLowerCase());
  return known
    ? { ...known, dimension: hiddenSize }
    : { id, dimension: hiddenSize, pooling: 'mean', normalize: true, queryPrefix: '', passagePrefix: '' };
}
