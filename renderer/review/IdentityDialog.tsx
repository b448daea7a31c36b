import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../shell/Dialog';
import { useIdentityStore, type JoinInput } from '../stores/useIdentityStore';
import { useTeam, useWorkspaceStore } from '../stores/useWorkspaceStore';
import { ClaimForm } from './ClaimForm';

/** Pick who this studio signs as: switch to a member, claim one with an invite code, or found an empty team. */
export function IdentityDialog() {
  const { t } = useTranslation();
  const team = useTeam();
  const demo = useWorkspaceStore((s) => s.info?.demoMembers);
  const identity = useIdentityStore((s) => s.identity);
  const { join, closeDialog } = useIdentityStore.getState();
  const [busy, setBusy] = useState(false);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  useEffect(() => void useWorkspaceStore.getState().load(), []);

  const run = async (input: JoinInput) => {
    setBusy(true);
    await join(input);
    setBusy(false);
  };

  return (
    <Dialog title={t('identity.title')} onClose={closeDialog}>
      <p className="muted">{t(team.length === 0 ? 'identity.noTeam' : 'identity.intro')}</p>
      <ul className="member-list">
        {team.map((m) => {
          const current = identity.me?.id === m.id;
          return (
            <li key={m.id} data-testid="member" data-id={m.id}>
              <span className="member-name">{m.name}</span>
              <span className="muted">
                {m.id} · {m.roles.map((r) => t(`role.${r}`)).join(', ')}
              </span>
              <span className="spacer" />
              {current ? (
                <span className="badge">{t('identity.current')}</span>
              ) : m.publicKey ? (
                <button type="button" disabled={busy} onClick={() => void run({ id: m.id })}>
                  {t('identity.switchTo', { name: m.name })}
                  {demo?.includes(m.id) && <span className="muted">{t('identity.demoKey')}</span>}
                </button>
              ) : (
                <ClaimForm member={m} busy={busy} onClaim={(input) => void run(input)} />
              )}
            </li>
          );
        })}
      </ul>
      {team.length === 0 ? (
        <form
          className="join-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ id: id.trim(), name: name.trim() });
          }}
        >
          <h3>{t('identity.joinTitle')}</h3>
          <label className="field">
            <span>{t('identity.id')}</span>
            <input value={id} onChange={(e) => setId(e.target.value)} pattern="[\w.\-]+" required />
          </label>
          <label className="field">
            <span>{t('identity.name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <div className="dialog-actions">
            <button type="button" onClick={closeDialog}>
              {t('identity.close')}
            </button>
            <button type="submit" className="primary" disabled={busy || !id.trim() || !name.trim()}>
              {t('identity.join')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="muted">{t('identity.notListed')}</p>
          <div className="dialog-actions">
            <button type="button" onClick={closeDialog}>
              {t('identity.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
