export { ArticleImage } from './articleImage';
export type { ArticleImageOptions } from './articleImage';
