import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmPublish } from './ConfirmPublish';
import { HeldBack } from './HeldBack';
import { targetLabel, usePublishStore } from './usePublishStore';

/** The Publish button, the progress of a publish under way, and what the last one made live. */
export function PublishPanel() {
  const { t } = useTranslation();
  const overview = usePublishStore((s) => s.overview);
  const selected = usePublishStore((s) => s.selected);
  const stage = usePublishStore((s) => s.stage);
  const result = usePublishStore((s) => s.result);
  const gate = usePublishStore((s) => s.gate);
  const held = usePublishStore((s) => s.held);
  const comparison = usePublishStore((s) => s.comparison);
  const [confirming, setConfirming] = useState(false);
  if (!overview) return null;
  const running = stage !== null && stage !== 'done';
  const ready = !('problem' in overview.planned);
  const target = targetLabel(overview, selected);

  return (
    <section className="view-section publish-run" aria-label={t('publish.run.publish')}>
      <div className="publish-run-row">
        <button
          type="button"
          className="primary"
          data-testid="publish-button"
          disabled={!overview.canPublish || !ready || !selected || running}
          onClick={() => setConfirming(true)}
        >
          {selected ? t('publish.run.publishTo', { target }) : t('publish.run.publish')}
        </button>
        {stage && (
          <span className={`publish-stage stage-${stage}`} role="status" data-testid="publish-stage" data-stage={stage}>
            {t(`publish.run.stage.${stage}`)}
          </span>
        )}
      </div>
      {!overview.canPublish ? (
        <p className="muted" data-testid="managers-only">
          {t('publish.run.managersOnly')}
        </p>
      ) : (
        !selected && <p className="muted">{t('publish.run.chooseTarget')}</p>
      )}
      {confirming && selected && (
        <ConfirmPublish
          target={target}
          diff={comparison?.target === selected ? comparison.diff : null}
          onConfirm={() => void usePublishStore.getState().publish()}
          onClose={() => setConfirming(false)}
        />
      )}
      {gate && <HeldBack key={selected} gate={gate} held={held} canPublish={overview.canPublish} running={running} />}
      {result && stage === 'done' && (
        <p className="publish-success" data-testid="publish-success" data-snapshot={result.snapshot}>
          {t(result.previous === result.snapshot ? 'publish.run.unchanged' : 'publish.run.success', {
            id: result.snapshot,
            target: targetLabel(overview, result.target),
          })}
        </p>
      )}
    </section>
  );
}
