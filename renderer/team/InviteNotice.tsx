import { useTranslation } from 'react-i18next';
import { useTeamStore } from './useTeamStore';

/** The invite code a manager just got for a colleague: shown once, to pass on out of band. */
export function InviteNotice() {
  const { t } = useTranslation();
  const invite = useTeamStore((s) => s.lastInvite);
  if (!invite) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invite.code);
    } catch {
      // Copying is a convenience: the code stays on screen to copy by hand.
    }
  };

  return (
    <section className="banner warning invite-notice" data-testid="invite-notice" aria-label={t('team.invite.title')}>
      <p>
        {t('team.invite.give', { name: invite.name })} <code data-testid="invite-code">{invite.code}</code>
      </p>
      <p className="small">
        {t('team.invite.how')}{' '}
        <code className="mono">{t('team.invite.command', { id: invite.id, code: invite.code })}</code>
        <br />
        {t('team.invite.studio')}
      </p>
      <div className="invite-actions">
        <button type="button" onClick={() => void copy()}>
          {t('team.invite.copy')}
        </button>
        <button type="button" onClick={() => useTeamStore.getState().dismissInvite()}>
          {t('team.invite.dismiss')}
        </button>
      </div>
    </section>
  );
}
