import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetView } from '../../main/api/index.js';
import { useToastStore } from '../stores/useToastStore';
import { ConfirmDialog } from './ConfirmDialog';
import { TargetDialog } from './TargetDialog';
import { targetLabel, usePublishStore } from './usePublishStore';

type Editing = { kind: 'add' } | { kind: 'edit'; target: TargetView } | { kind: 'remove'; target: TargetView };

/** The live agents this studio publishes to: choose one, add, edit or remove. */
export function TargetList() {
  const { t } = useTranslation();
  const overview = usePublishStore((s) => s.overview);
  const selected = usePublishStore((s) => s.selected);
  const [editing, setEditing] = useState<Editing | null>(null);
  const targets = overview?.targets ?? [];

  return (
    <section aria-label={t('publish.targets.title')} data-testid="publish-targets">
      <div className="publish-sidebar-head">
        <h3>{t('publish.targets.title')}</h3>
        <button type="button" onClick={() => setEditing({ kind: 'add' })}>
          {t('publish.targets.add')}
        </button>
      </div>
      <p className="muted small">{t('publish.targets.hint')}</p>
      {overview?.targetsProblem ? (
        <p className="banner error" role="alert" data-testid="targets-problem">
          {overview.targetsProblem}
        </p>
      ) : overview && targets.length === 0 ? (
        <p className="muted" data-testid="targets-empty">
          {t('publish.targets.empty')}
        </p>
      ) : (
        <ul className="review-list">
          {targets.map((target) => (
            <li key={target.url} className="target-row">
              <button
                type="button"
                className="review-item"
                data-testid="target"
                data-url={target.url}
                aria-current={target.url === selected ? 'true' : undefined}
                onClick={() => usePublishStore.getState().select(target.url)}
              >
                <span className="row-title">{target.name || target.url}</span>
                <span className="row-meta muted">
                  {target.name && <span className="mono">{target.url} · </span>}
                  {target.hasToken ? t('publish.targets.tokenSaved') : t('publish.targets.noToken')}
                </span>
              </button>
              <span className="target-actions">
                <button type="button" className="link" onClick={() => setEditing({ kind: 'edit', target })}>
                  {t('publish.targets.edit')}
                </button>
                <button type="button" className="link danger" onClick={() => setEditing({ kind: 'remove', target })}>
                  {t('publish.targets.remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {editing?.kind === 'add' && <TargetDialog target={null} onClose={() => setEditing(null)} />}
      {editing?.kind === 'edit' && <TargetDialog target={editing.target} onClose={() => setEditing(null)} />}
      {editing?.kind === 'remove' && (
        <ConfirmDialog
          title={t('publish.targets.removeTitle')}
          body={t('publish.targets.removeBody', { target: targetLabel(overview, editing.target.url) })}
          confirm={t('publish.targets.remove')}
          danger
          onConfirm={async () => {
            const removed = await usePublishStore.getState().removeTarget(editing.target.url);
            if (removed) useToastStore.getState().show('info', t('publish.targets.removed'));
            return removed;
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
