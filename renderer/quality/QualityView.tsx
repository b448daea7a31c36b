import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptySets } from './EmptySets';
import { RunHistory } from './RunHistory';
import { RunPanel } from './RunPanel';
import { SetEditor } from './SetEditor';
import { SetList } from './SetList';
import { useGoldenRunStore } from './useGoldenRunStore';
import { useGoldenSetStore } from './useGoldenSetStore';
import './quality.css';
import './runs.css';

type Tab = 'questions' | 'run' | 'history';
const tabs: Tab[] = ['questions', 'run', 'history'];

/** The Quality view: golden sets, their questions, runs against drafts or approved articles, and run comparisons. */
export function QualityView() {
  const { t } = useTranslation();
  const sets = useGoldenSetStore((s) => s.sets);
  const selected = useGoldenSetStore((s) => s.selected);
  const loaded = useGoldenSetStore((s) => s.saved !== null);
  const dirty = useGoldenSetStore((s) => s.dirty);
  const [tab, setTab] = useState<Tab>('questions');

  useEffect(() => {
    const store = useGoldenSetStore.getState();
    void store.load();
    if (store.selected && !store.dirty) void store.open(store.selected);
    if (store.selected && useGoldenRunStore.getState().set !== store.selected)
      void useGoldenRunStore.getState().open(store.selected);
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return (
    <div className="quality-view" data-testid="quality-view">
      <aside className="review-sidebar">
        <SetList />
      </aside>
      <main className="view-main">
        <h1 className="view-title">{selected ?? t('quality.title')}</h1>
        {!selected && <p className="muted view-intro">{t('quality.intro')}</p>}
        {sets === null ? (
          <p className="muted">{t('quality.loading')}</p>
        ) : !selected ? (
          sets.length === 0 ? (
            <EmptySets />
          ) : (
            <p className="muted">{t('quality.sets.choose')}</p>
          )
        ) : !loaded ? (
          <p className="muted">{t('quality.loading')}</p>
        ) : (
          <>
            <div className="view-tabs" role="tablist" aria-label={t('quality.tabs.label')}>
              {tabs.map((name) => (
                <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
                  {t(`quality.tabs.${name}`)}
                  {name === 'questions' && dirty && <span className="dirty-dot" aria-hidden="true" />}
                </button>
              ))}
            </div>
            <div role="tabpanel">
              {tab === 'questions' ? (
                <SetEditor />
              ) : tab === 'run' ? (
                <RunPanel />
              ) : (
                <RunHistory onShow={() => setTab('run')} />
              )}
            </div>
          </>
        )}
      </main>
    </div>
  );
}
