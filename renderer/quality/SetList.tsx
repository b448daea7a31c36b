import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMetric } from './formatMetric';
import { GuardDialog } from './GuardDialog';
import { NewSetDialog } from './NewSetDialog';
import { useGoldenRunStore } from './useGoldenRunStore';
import { useGoldenSetStore } from './useGoldenSetStore';

type Pending = { kind: 'open'; name: string } | { kind: 'new' };

const openSet = (name: string) => {
  void useGoldenSetStore.getState().open(name);
  void useGoldenRunStore.getState().open(name);
};

const createSet = async (name: string) => {
  const created = await useGoldenSetStore.getState().create(name);
  if (created) void useGoldenRunStore.getState().open(name);
  return created;
};

/** The workspace's golden sets with their size and last run; choosing another one guards unsaved edits. */
export function SetList() {
  const { t } = useTranslation();
  const sets = useGoldenSetStore((s) => s.sets);
  const selected = useGoldenSetStore((s) => s.selected);
  const [pending, setPending] = useState<Pending | null>(null);
  const [creating, setCreating] = useState(false);

  const go = (next: Pending) => (next.kind === 'open' ? openSet(next.name) : setCreating(true));
  const request = (next: Pending) => {
    if (next.kind === 'open' && next.name === selected) return;
    if (useGoldenSetStore.getState().dirty) setPending(next);
    else go(next);
  };

  return (
    <section aria-label={t('quality.sets.title')} data-testid="golden-sets">
      <div className="quality-sidebar-head">
        <h3>{t('quality.sets.title')}</h3>
        <button type="button" onClick={() => request({ kind: 'new' })}>
          {t('quality.sets.new')}
        </button>
      </div>
      {sets === null ? (
        <p className="muted">{t('quality.loading')}</p>
      ) : sets.length === 0 ? (
        <p className="muted">{t('quality.sets.emptyTitle')}</p>
      ) : (
        <ul className="review-list">
          {sets.map((s) => (
            <li key={s.name}>
              <button
                type="button"
                className="review-item"
                data-testid="golden-set"
                data-name={s.name}
                aria-current={s.name === selected ? 'true' : undefined}
                onClick={() => request({ kind: 'open', name: s.name })}
              >
                <span className="row-title">{s.name}</span>
                <span className="row-meta">
                  <span data-testid="set-count">{t('quality.sets.questions', { count: s.questions })}</span>
                  {s.problems > 0 && (
                    <span className="quality-invalid">· {t('quality.sets.problems', { count: s.problems })}</span>
                  )}
                </span>
                <span className="row-meta" data-testid="set-last-run">
                  {s.lastRun
                    ? t('quality.sets.lastRun', {
                        k: s.lastRun.k,
                        hit: formatMetric(s.lastRun.metrics.hitAtK, 'share'),
                        recall: formatMetric(s.lastRun.metrics.handoff.recall, 'share'),
                      })
                    : t('quality.sets.neverRun')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {pending && selected && (
        <GuardDialog
          name={selected}
          onDiscard={() => {
            useGoldenSetStore.getState().discard();
            go(pending);
          }}
          onClose={() => setPending(null)}
        />
      )}
      {creating && <NewSetDialog onCreate={createSet} onClose={() => setCreating(false)} />}
    </section>
  );
}
