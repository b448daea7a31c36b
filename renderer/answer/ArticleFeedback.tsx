/** Placeholder: open answer feedback on one article (being built). */
export function ArticleFeedback(_: { articleId: string }) {
  return null;
}
