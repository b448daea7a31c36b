import { useTranslation } from 'react-i18next';
import type { Member } from '../../main/api/index.js';
import { useIdentityStore } from '../stores/useIdentityStore';
import { useTeam, useWorkspaceStore } from '../stores/useWorkspaceStore';
import { allRoles, shortKey, useTeamStore, type Role } from './useTeamStore';

/** The roster: each member's roles (a manager ticks them here) and signing key. */
export function RosterTable() {
  const { t } = useTranslation();
  const team = useTeam();
  const demo = useWorkspaceStore((s) => s.info?.demoMembers);
  const me = useIdentityStore((s) => s.identity.me);
  const busy = useTeamStore((s) => s.busy);
  const pending = useTeamStore((s) => s.pendingRoles);
  const manager = !!me?.roles.includes('manager');

  const toggle = (member: Member, current: Role[], role: Role, on: boolean) => {
    const roles = on ? [...current, role] : current.filter((r) => r !== role);
    void useTeamStore.getState().setRoles(
      member.id,
      allRoles.filter((r) => roles.includes(r)),
    );
  };
  const rotate = (member: Member) => {
    const own = member.id === me?.id;
    const question = own
      ? t('team.roster.rotateOwnConfirm')
      : t('team.roster.rotateOtherConfirm', { name: member.name });
    if (window.confirm(question)) void useTeamStore.getState().rotateKey(member.id);
  };

  return (
    <section className="view-section" aria-label={t('team.roster.title')}>
      <h2>{t('team.roster.title')}</h2>
      {team.length === 0 ? (
        <p className="muted">{t('team.roster.empty')}</p>
      ) : (
        <table className="view-table" data-testid="roster">
          <thead>
            <tr>
              <th>{t('team.roster.member')}</th>
              <th>{t('team.roster.roles')}</th>
              <th>{t('team.roster.key')}</th>
            </tr>
          </thead>
          <tbody>
            {team.map((member) => {
              const own = member.id === me?.id;
              const roles = pending[member.id] ?? member.roles;
              return (
                <tr key={member.id} data-testid="member-row" data-member={member.id}>
                  <td>
                    <div>
                      {member.name}
                      {own && <span className="badge you-badge">{t('team.roster.you')}</span>}
                      {demo?.includes(member.id) && (
                        <span className="badge demo-badge" data-testid="demo-badge" title={t('team.roster.demoTitle')}>
                          {t('team.roster.demo')}
                        </span>
                      )}
                    </div>
                    <div className="muted small mono">
                      {member.id}
                      {member.email ? ` · ${member.email}` : ''}
                    </div>
                  </td>
                  <td>
                    <div className="role-checks" title={manager ? undefined : t('team.roster.managerOnly')}>
                      {allRoles.map((role) => (
                        <label key={role}>
                          <input
                            type="checkbox"
                            checked={roles.includes(role)}
                            disabled={!manager || busy || (roles.length === 1 && roles.includes(role))}
                            onChange={(e) => toggle(member, roles, role, e.target.checked)}
                          />
                          {t(`role.${role}`)}
                        </label>
                      ))}
                    </div>
                  </td>
                  <td>
                    {member.publicKey ? (
                      <span className="mono" title={member.publicKey}>
                        {shortKey(member.publicKey)}
                      </span>
                    ) : (
                      <span className="muted">{t('team.roster.noKey')}</span>
                    )}
                    {member.retiredKeys.length > 0 && (
                      <div className="muted small">
                        {t('team.roster.retired', { count: member.retiredKeys.length })}
                      </div>
                    )}
                    {(own || manager) && member.publicKey && (
                      <div>
                        <button type="button" className="link" disabled={busy} onClick={() => rotate(member)}>
                          {own ? t('team.roster.rotateOwn') : t('team.roster.rotateOther')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
