import { useTranslation } from 'react-i18next';
import { LeftOut } from './LeftOut';
import { SnapshotDiffList } from './SnapshotDiffList';
import { targetLabel, usePublishStore } from './usePublishStore';

/** What a publish would contain now, and how that differs from what the chosen target serves. */
export function PlannedSnapshot() {
  const { t } = useTranslation();
  const overview = usePublishStore((s) => s.overview);
  const comparison = usePublishStore((s) => s.comparison);
  const comparing = usePublishStore((s) => s.comparing);
  if (!overview) return null;
  const { planned } = overview;
  const target = comparison?.target ? targetLabel(overview, comparison.target) : '';

  return (
    <section className="view-section" data-testid="planned" aria-label={t('publish.planned.title')}>
      <h2>{t('publish.planned.title')}</h2>
      {'problem' in planned ? (
        <p className="banner warning" data-testid="planned-problem">
          {t('publish.planned.problem', { problem: planned.problem })}
        </p>
      ) : (
        <>
          <p data-testid="planned-snapshot" data-snapshot={planned.id}>
            <strong>{t('publish.planned.snapshot', { id: planned.id })}</strong>
            {' · '}
            {t('publish.planned.articles', { count: planned.articles })}
          </p>
          <LeftOut articles={planned.leftOut} />
          {comparing && !comparison && <p className="muted">{t('publish.planned.comparing')}</p>}
          {comparison && (
            <>
              <p className="muted" data-testid="compare-basis">
                {comparison.target
                  ? comparison.live
                    ? t('publish.planned.againstLive', { id: comparison.live, target })
                    : t('publish.planned.nothingLive', { target })
                  : comparison.diff.from
                    ? t('publish.planned.againstBuilt', { id: comparison.diff.from })
                    : t('publish.planned.nothingBuilt')}
              </p>
              <SnapshotDiffList diff={comparison.diff} />
              {!comparison.target && <p className="muted small">{t('publish.planned.noTarget')}</p>}
            </>
          )}
        </>
      )}
    </section>
  );
}
