import { useTranslation } from 'react-i18next';

/** Approved articles a publish leaves out because they are not for customers, and why. */
export function LeftOut({ articles }: { articles: { id: string; title: string; audience: string }[] }) {
  const { t } = useTranslation();
  if (articles.length === 0) return null;

  return (
    <section className="diff-group left-out" data-testid="left-out">
      <h4>{t('publish.planned.leftOut', { count: articles.length })}</h4>
      <p className="muted small">{t('publish.planned.leftOutWhy')}</p>
      <ul>
        {articles.map((a) => (
          <li key={a.id} data-id={a.id}>
            {a.title || a.id}{' '}
            <span className="muted small">· {t(`audience.${a.audience}`, { defaultValue: a.audience })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
