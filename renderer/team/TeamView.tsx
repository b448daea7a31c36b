import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent } from '../api/client';
import { AddMemberForm } from './AddMemberForm';
import { AuditPanel } from './AuditPanel';
import { InviteNotice } from './InviteNotice';
import { RosterTable } from './RosterTable';
import { useTeamStore } from './useTeamStore';
import './team.css';

/** The Team view: the roster with roles and keys, adding members, and the audit log. */
export function TeamView() {
  const { t } = useTranslation();
  useEffect(() => {
    void useTeamStore.getState().loadAudit();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onEvent((event) => {
      if (event.type !== 'review.changed' && event.type !== 'articles.changed' && event.type !== 'events.connected')
        return;
      clearTimeout(timer);
      timer = setTimeout(() => void useTeamStore.getState().loadAudit(), 300);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);

  return (
    <div className="team-view" data-testid="team-view">
      <main className="view-main">
        <h1 className="view-title">{t('team.title')}</h1>
        <p className="muted view-intro">{t('team.intro')}</p>
        <RosterTable />
        <InviteNotice />
        <AddMemberForm />
        <AuditPanel />
      </main>
    </div>
  );
}
