import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../main/api/index.js';

/** Claim a member who has no key yet, with the invite code a manager gave them. */
export function ClaimForm({
  member,
  busy,
  onClaim,
}: {
  member: Member;
  busy: boolean;
  onClaim: (input: { id: string; invite: string }) => void;
}) {
  const { t } = useTranslation();
  const [invite, setInvite] = useState('');

  return (
    <form
      className="claim-form"
      onSubmit={(e) => {
        e.preventDefault();
        onClaim({ id: member.id, invite: invite.trim() });
      }}
    >
      <input
        value={invite}
        onChange={(e) => setInvite(e.target.value)}
        aria-label={t('identity.inviteFor', { name: member.name })}
        placeholder={t('identity.invitePlaceholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        required
      />
      <button type="submit" disabled={busy || !invite.trim()} aria-label={t('identity.claim', { name: member.name })}>
        {t('identity.claimButton')}
      </button>
    </form>
  );
}
