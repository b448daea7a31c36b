import { useTranslation } from 'react-i18next';
import type { SnapshotDiff } from '../../main/api/index.js';
import { Dialog } from '../shell/Dialog';
import { ChangedArticle } from './ChangedArticle';
import { useReplayStore } from './useReplayStore';

/** Articles a publish adds or removes, by title. */
function TitleGroup({ kind, articles }: { kind: 'added' | 'removed'; articles: { id: string; title: string }[] }) {
  const { t } = useTranslation();
  if (articles.length === 0) return null;
  return (
    <section className={`diff-group diff-${kind}`}>
      <h4>{t(`publish.diff.${kind}`, { count: articles.length })}</h4>
      <ul>
        {articles.map((a) => (
          <li key={a.id}>{a.title || a.id}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The last look before customers get it: the articles this publish adds, changes (each opening to its
 * text diff against the live version) and removes, what changes for the questions customers asked,
 * and the Publish button.
 */
export function ConfirmPublish({
  target,
  diff,
  onConfirm,
  onClose,
}: {
  target: string;
  diff: SnapshotDiff | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const report = useReplayStore((s) => s.view?.report);
  const nothing = diff && !diff.profileChanged && diff.added.length + diff.changed.length + diff.removed.length === 0;
  return (
    <Dialog title={t('publish.confirm.title', { target })} onClose={onClose} wide>
      <div className="confirm-publish" data-testid="confirm-publish">
        {!diff ? (
          <p className="muted">{t('publish.planned.comparing')}</p>
        ) : nothing ? (
          <p>{t('publish.diff.same')}</p>
        ) : (
          <>
            {diff.profileChanged && <p className="diff-profile">{t('publish.diff.profileChanged')}</p>}
            <TitleGroup kind="added" articles={diff.added} />
            {diff.changed.length > 0 && (
              <section className="diff-group diff-changed">
                <h4>{t('publish.diff.changed', { count: diff.changed.length })}</h4>
                {diff.changed.map((c) => (
                  <ChangedArticle key={c.id} change={c} />
                ))}
              </section>
            )}
            <TitleGroup kind="removed" articles={diff.removed} />
          </>
        )}
        {report && report.questions > 0 && (
          <p data-testid="confirm-replay">
            {t('publish.confirm.replay', { count: report.questions, changes: report.changes.length })}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('publish.status.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          autoFocus
          data-testid="confirm-publish-button"
          onClick={() => {
            onClose();
            onConfirm();
          }}
        >
          {t('publish.confirm.publish')}
        </button>
      </div>
    </Dialog>
  );
}
