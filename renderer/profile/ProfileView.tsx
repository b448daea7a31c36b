import { useTranslation } from 'react-i18next';

/** Placeholder: the agent profile editor (being built). */
export function ProfileView(_: { onClose: () => void }) {
  const { t } = useTranslation();
  return <div className="profile-editor">{t('profile.title')}</div>;
}
