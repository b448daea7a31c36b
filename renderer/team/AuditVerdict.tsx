import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../main/api/index.js';
import { useMemberName } from '../review/useMemberName';

/** Whether the audit chain holds: where it breaks and what to do, hand edits of the roster, and what counts for nothing. */
export function AuditVerdict({ verification }: { verification: AuditVerification }) {
  const { t } = useTranslation();
  const name = useMemberName();
  const { firstBroken, rosterDifferences, notices, demoMembers } = verification;
  const edited = !firstBroken && rosterDifferences.length > 0;

  return (
    <>
      <p
        className={`banner ${firstBroken ? 'error' : edited ? 'warning' : 'audit-ok'}`}
        data-testid="audit-verdict"
        data-ok={verification.ok}
        role={firstBroken ? 'alert' : undefined}
      >
        {firstBroken
          ? t(firstBroken.line ? 'team.audit.brokenLine' : 'team.audit.brokenFile', {
              file: firstBroken.file,
              line: firstBroken.line,
              reason: firstBroken.reason,
              fix: firstBroken.fix,
            })
          : verification.entries === 0
            ? t('team.audit.empty')
            : verification.unsigned
              ? t('team.audit.intactUnsigned', { count: verification.entries, unsigned: verification.unsigned })
              : t('team.audit.intact', { count: verification.entries })}
      </p>
      {edited && (
        <div className="banner warning audit-differences" data-testid="roster-differences" role="alert">
          <p>{t('team.audit.differences')}</p>
          <ul className="audit-extra">
            {rosterDifferences.map((d, i) => (
              <li key={i}>{d.says}</li>
            ))}
          </ul>
          <p className="small">{t('team.audit.differencesFix')}</p>
        </div>
      )}
      {notices.length > 0 && (
        <div className="muted small" data-testid="audit-notices">
          {t('team.audit.notices', { count: notices.length })}
          <ul className="audit-extra">
            {notices.map((n) => (
              <li key={n.line}>
                {t('team.audit.notice', {
                  line: n.line,
                  who: n.actor ? name(n.actor) : t('team.audit.nobody'),
                  action: t(`team.actions.${n.action}`, { defaultValue: n.action }),
                  reason: n.reason,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {demoMembers.length > 0 && (
        <p className="muted small" data-testid="audit-demo">
          {t('team.audit.demo', { count: demoMembers.length, names: demoMembers.map((id) => name(id)).join(', ') })}
        </p>
      )}
    </>
  );
}
