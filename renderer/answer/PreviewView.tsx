import { useTranslation } from 'react-i18next';

/** Placeholder: the answer preview (being built). */
export function PreviewView(_: { onOpenArticle: () => void; onEditProfile: () => void }) {
  const { t } = useTranslation();
  return <div className="preview">{t('preview.title')}</div>;
}
