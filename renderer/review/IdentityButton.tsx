import { useTranslation } from 'react-i18next';
import { useIdentityStore } from '../stores/useIdentityStore';

/** Top bar: who this studio signs as, or a way to say so. Never blocks the studio. */
export function IdentityButton() {
  const { t } = useTranslation();
  const identity = useIdentityStore((s) => s.identity);
  const open = useIdentityStore((s) => s.openDialog);
  const me = identity.me;
  if (!me)
    return (
      <button type="button" className="identity" data-testid="identity" onClick={open}>
        {identity.missingKey ? t('identity.keyMissing', { name: identity.missingKey.name }) : t('identity.whoAreYou')}
      </button>
    );
  const label = `${t('identity.signedInAs', { name: me.name })} · ${me.roles.map((r) => t(`role.${r}`)).join(', ')}`;
  return (
    <button
      type="button"
      className="identity link"
      data-testid="identity"
      onClick={open}
      title={`${label}. ${t('identity.switch')}`}
    >
      {label}
    </button>
  );
}
