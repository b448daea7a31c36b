import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdentityStore } from '../stores/useIdentityStore';
import { useTeam } from '../stores/useWorkspaceStore';
import { allRoles, useTeamStore, type Role } from './useTeamStore';

const idPattern = /^[\w.-]+$/;

/** A manager adds a colleague to the roster; the colleague makes their key when they sign in. */
export function AddMemberForm() {
  const { t } = useTranslation();
  const me = useIdentityStore((s) => s.identity.me);
  const team = useTeam();
  const busy = useTeamStore((s) => s.busy);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['author']);

  if (!me?.roles.includes('manager')) {
    const managers = team.filter((m) => m.roles.includes('manager')).map((m) => m.name);
    if (managers.length === 0) return null;
    return <p className="muted">{t('team.add.managerOnly', { names: managers.join(', ') })}</p>;
  }

  const idOk = idPattern.test(id);
  const taken = team.some((m) => m.id === id);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const added = await useTeamStore
      .getState()
      .add({ id, name: name.trim(), ...(email.trim() ? { email: email.trim() } : {}), roles });
    if (added) {
      setId('');
      setName('');
      setEmail('');
      setRoles(['author']);
    }
  };

  return (
    <section className="view-section" aria-label={t('team.add.title')}>
      <h2>{t('team.add.title')}</h2>
      <form className="team-add" onSubmit={(e) => void submit(e)}>
        <label>
          {t('team.add.id')}
          <input
            value={id}
            onChange={(e) => setId(e.target.value.trim())}
            placeholder="wei.zhang"
            aria-invalid={(id !== '' && !idOk) || taken}
            required
          />
          <span className="muted small">{taken ? `${id} ✕` : t('team.add.idHint')}</span>
        </label>
        <label>
          {t('team.add.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <label>
          {t('team.add.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={320} />
        </label>
        <fieldset className="role-checks">
          <legend>{t('team.add.roles')}</legend>
          {allRoles.map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) => setRoles(allRoles.filter((r) => (r === role ? e.target.checked : roles.includes(r))))}
              />
              {t(`role.${role}`)}
            </label>
          ))}
          {roles.length === 0 && <span className="error">{t('team.add.needRole')}</span>}
        </fieldset>
        <button
          type="submit"
          className="primary"
          disabled={busy || !idOk || taken || !name.trim() || roles.length === 0}
        >
          {t('team.add.submit')}
        </button>
      </form>
    </section>
  );
}
