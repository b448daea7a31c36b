import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent } from '../api/client';
import { BehaviourDiff } from './BehaviourDiff';
import { PlannedSnapshot } from './PlannedSnapshot';
import { PublishLog } from './PublishLog';
import { PublishPanel } from './PublishPanel';
import { TargetList } from './TargetList';
import { TargetStatus } from './TargetStatus';
import { usePublishStore } from './usePublishStore';
import { useReplayStore } from './useReplayStore';
import './publish.css';

/** The Publish view: what would go live, where it can go, making it live, rolling back, and the log. */
export function PublishView() {
  const { t } = useTranslation();
  const loaded = usePublishStore((s) => s.overview !== null);
  const selected = usePublishStore((s) => s.selected);
  const planned = usePublishStore((s) => (s.overview && 'id' in s.overview.planned ? s.overview.planned.id : null));
  const active = usePublishStore((s) => s.status?.active ?? null);

  // The behaviour diff follows the target, what a publish would hold, and what the target serves.
  useEffect(() => {
    if (loaded) void useReplayStore.getState().load(selected);
  }, [loaded, selected, planned, active]);

  useEffect(() => {
    const store = usePublishStore.getState();
    void store.load();
    if (store.selected) void store.loadStatus();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onEvent((event) => {
      if (event.type === 'publish.progress') return usePublishStore.getState().progress(event.stage);
      if (event.type === 'replay.progress') return useReplayStore.getState().progressed(event.done, event.total);
      if (event.type !== 'review.changed' && event.type !== 'articles.changed' && event.type !== 'events.connected')
        return;
      clearTimeout(timer);
      timer = setTimeout(() => void usePublishStore.getState().load(), 300);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);

  return (
    <div className="publish-view" data-testid="publish-view">
      <aside className="review-sidebar">
        <TargetList />
      </aside>
      <main className="view-main">
        <h1 className="view-title">{t('publish.title')}</h1>
        <p className="muted view-intro">{t('publish.intro')}</p>
        {loaded ? (
          <>
            <PlannedSnapshot />
            <BehaviourDiff />
            <PublishPanel />
            <TargetStatus />
            <PublishLog />
          </>
        ) : (
          <p className="muted">{t('publish.loading')}</p>
        )}
      </main>
    </div>
  );
}
