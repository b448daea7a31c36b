import { useTranslation } from 'react-i18next';

/** Shown over HTTP until the studio has a token the server accepts; the hash carrying one loads the studio. */
export function NoTokenPage({ checking }: { checking: boolean }) {
  const { t } = useTranslation();
  if (checking) return <p className="empty-state">{t('noToken.checking')}</p>;
  return (
    <main className="empty-state" data-testid="no-token">
      <h3>{t('noToken.title')}</h3>
      <p>{t('noToken.body')}</p>
      <ol>
        <li>{t('noToken.step1')}</li>
        <li>
          {t('noToken.step2')} <code>{`${window.location.origin}/#token=…`}</code>
        </li>
      </ol>
    </main>
  );
}
