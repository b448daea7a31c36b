import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { onEvent } from './api/client';
import { ArticleView } from './editor/ArticleView';
import { SaveVersionDialog } from './editor/SaveVersionDialog';
import { languages, setLanguage } from './i18n';
import { LibraryPanel } from './library/LibraryPanel';
import { NewArticleDialog } from './shell/NewArticleDialog';
import { QuickOpen } from './shell/QuickOpen';
import { noticePlace, pathOf, placeOf, type Place, type View } from './shell/routes';
import { Toasts } from './shell/Toasts';
import { useShortcuts } from './shell/useShortcuts';
import { useEditorStore } from './stores/useEditorStore';
import { useLibraryStore } from './stores/useLibraryStore';
import { useWorkspaceStore } from './stores/useWorkspaceStore';
import { useIndexStore } from './stores/useIndexStore';
import { IndexStatusBar } from './playground/IndexStatusBar';
import { PlaygroundView } from './playground/PlaygroundView';
import { IdentityButton } from './review/IdentityButton';
import { SyncButton } from './sync/SyncButton';
import { SyncDialog } from './sync/SyncDialog';
import { useSyncStore } from './sync/useSyncStore';
import { IdentityDialog } from './review/IdentityDialog';
import { ViewBoundary } from './shell/ViewBoundary';
import { ReviewView } from './review/ReviewView';
import { PreviewView } from './answer/PreviewView';
import { ProfileView } from './profile/ProfileView';
import { PublishView } from './publish/PublishView';
import { InsightsView } from './insights/InsightsView';
import { useInsightsStore, type InsightsTab } from './insights/useInsightsStore';
import { QualityView } from './quality/QualityView';
import { TeamView } from './team/TeamView';
import { useIdentityStore } from './stores/useIdentityStore';
import { useReviewStore } from './stores/useReviewStore';

type DialogName = 'quickOpen' | 'newArticle' | 'saveVersion' | null;

const libraryViews = new Set<string>(['editor', 'playground', 'preview', 'profile']);

const insightsTabs: InsightsTab[] = ['dashboard', 'gaps', 'conversations', 'health'];
const isInsightsTab = (tab: string): tab is InsightsTab => (insightsTabs as string[]).includes(tab);
const insightsTab = () => useInsightsStore.getState().tab;
/** The path of the hash route the window shows now (read when navigating, not while rendering). */
const currentPath = () => window.location.hash.replace(/^#/, '').split('?')[0] || '/';

export function App() {
  const { t, i18n } = useTranslation();
  const info = useWorkspaceStore((s) => s.info);
  const [dialog, setDialog] = useState<DialogName>(null);
  const [historyKey, setHistoryKey] = useState(0);
  // Where the studio is lives in the URL (a hash route, the same in the desktop shell and the
  // browser): a reload comes back to it, and the back button goes to the place before.
  const location = useLocation();
  const navigate = useNavigate();
  const place = useMemo(() => placeOf(location.pathname), [location.pathname]);
  const view = place.view;
  const go = useCallback(
    (to: Place, replace = false) => {
      const path = pathOf(to);
      if (path !== currentPath()) void navigate(path, { replace });
    },
    [navigate],
  );
  const setView = useCallback(
    (to: View) => {
      const open = useEditorStore.getState().article?.id;
      go(
        to === 'editor'
          ? { view: 'editor', id: open }
          : to === 'insights'
            ? { view: to, tab: insightsTab() }
            : { view: to },
      );
    },
    [go],
  );
  const historyOpen = view === 'editor' && Boolean(place.history);
  const setHistoryOpen = useCallback(
    (open: boolean) => {
      const id = useEditorStore.getState().article?.id;
      if (id) go({ view: 'editor', id, history: open });
    },
    [go],
  );
  const queueCount = useReviewStore((s) => s.queue.length);
  const identityOpen = useIdentityStore((s) => s.dialogOpen);
  const syncOpen = useSyncStore((s) => s.dialogOpen);
  // An article opened anywhere (library, quick open, a citation) is the editor's URL; an article's
  // URL opens it (a reload, the back button, a link).
  useEffect(
    () =>
      useEditorStore.subscribe((state, previous) => {
        if (!state.article || state.article.id === previous.article?.id) return;
        // Already at this article (a reload, a link with its history panel open): stay where the URL says.
        const at = placeOf(currentPath());
        if (at.view !== 'editor' || at.id !== state.article.id) go({ view: 'editor', id: state.article.id });
      }),
    [go],
  );
  useEffect(() => {
    if (place.view === 'editor' && place.id && useEditorStore.getState().article?.id !== place.id)
      void useEditorStore.getState().open(place.id);
  }, [place.view, place.id]);
  // The Insights tab is part of the URL too.
  useEffect(() => {
    if (place.view === 'insights' && place.tab && isInsightsTab(place.tab))
      useInsightsStore.getState().setTab(place.tab);
  }, [place.view, place.tab]);
  useEffect(
    () =>
      useInsightsStore.subscribe((state, previous) => {
        if (state.tab !== previous.tab && placeOf(currentPath()).view === 'insights')
          go({ view: 'insights', tab: state.tab });
      }),
    [go],
  );

  useEffect(() => {
    void useWorkspaceStore.getState().load();
    // The review lists walk every article too: ask after the library so its first rows come first.
    void useLibraryStore
      .getState()
      .load()
      .then(() => useReviewStore.getState().load());
    void useIndexStore.getState().load();
    void useIdentityStore.getState().load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = new Set<string>();
    return onEvent((event) => {
      if (event.type === 'index.status') return useIndexStore.getState().set(event.status);
      if (event.type === 'events.connected') {
        void useIndexStore.getState().load();
        void useSyncStore.getState().load();
        void useLibraryStore
          .getState()
          .load()
          .then(() => useReviewStore.getState().refresh());
        void useIdentityStore.getState().load();
        return;
      }
      if (event.type === 'review.changed') {
        void useLibraryStore.getState().load();
        void useIdentityStore.getState().load();
        void useWorkspaceStore.getState().load();
        void useReviewStore.getState().refresh(event.ids);
        return;
      }
      if (event.type !== 'articles.changed') return;
      event.ids.forEach((id) => changed.add(id));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const ids = [...changed];
        changed.clear();
        void useLibraryStore.getState().load();
        void useEditorStore.getState().externalChange(ids);
        void useReviewStore.getState().refresh(ids);
      }, 150);
    });
  }, []);

  const actions = useMemo(
    () => ({
      saveVersion: () => useEditorStore.getState().article && setDialog('saveVersion'),
      quickOpen: () => setDialog('quickOpen'),
      newArticle: () => setDialog('newArticle'),
    }),
    [],
  );
  useShortcuts(actions);

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Almanac</span>
        <span className="workspace-name" title={info?.name}>
          {info?.name}
        </span>
        <nav className="views" aria-label="views">
          <button type="button" aria-pressed={view === 'editor'} onClick={() => setView('editor')}>
            {t('app.library')}
          </button>
          <button type="button" aria-pressed={view === 'playground'} onClick={() => setView('playground')}>
            {t('app.playground')}
          </button>
          <button
            type="button"
            aria-pressed={view === 'preview' || view === 'profile'}
            onClick={() => setView('preview')}
          >
            {t('app.preview')}
          </button>
          <button type="button" aria-pressed={view === 'review'} onClick={() => setView('review')}>
            {t('app.review')}
            {queueCount > 0 && (
              <span className="count-badge" data-testid="queue-count">
                {queueCount}
              </span>
            )}
          </button>
          <button type="button" aria-pressed={view === 'publish'} onClick={() => setView('publish')}>
            {t('app.publish')}
          </button>
          <button type="button" aria-pressed={view === 'insights'} onClick={() => setView('insights')}>
            {t('app.insights')}
          </button>
          <button type="button" aria-pressed={view === 'quality'} onClick={() => setView('quality')}>
            {t('app.quality')}
          </button>
          <button type="button" aria-pressed={view === 'team'} onClick={() => setView('team')}>
            {t('app.team')}
          </button>
        </nav>
        <span className="spacer" />
        <SyncButton />
        <IdentityButton />
        <button
          type="button"
          onClick={actions.quickOpen}
          aria-label={t('app.quickOpen')}
          title={`${t('app.quickOpen')} (Ctrl+P)`}
        >
          <kbd>Ctrl P</kbd>
        </button>
        <select aria-label={t('app.language')} value={i18n.language} onChange={(e) => setLanguage(e.target.value)}>
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.label}
            </option>
          ))}
        </select>
      </header>
      {info?.trustProblem && (
        <p className="banner error trust-banner" role="alert" data-testid="trust-problem">
          {t('app.trustProblem')} {info.trustProblem}
        </p>
      )}
      <div className="workbench">
        {/* The library sits beside the screens that open articles; the others get the whole width. */}
        {libraryViews.has(view) && (
          <ViewBoundary>
            <LibraryPanel onNew={actions.newArticle} />
          </ViewBoundary>
        )}
        <ViewBoundary resetKey={view}>
          {view === 'playground' ? (
            <PlaygroundView onOpenArticle={() => setView('editor')} />
          ) : view === 'preview' ? (
            <PreviewView onOpenArticle={() => setView('editor')} onEditProfile={() => setView('profile')} />
          ) : view === 'profile' ? (
            <ProfileView onClose={() => setView('preview')} />
          ) : view === 'review' ? (
            <ReviewView
              onOpenArticle={() => setView('editor')}
              selectedId={place.id ?? null}
              onSelect={(id) => go({ view: 'review', id })}
            />
          ) : view === 'publish' ? (
            <PublishView />
          ) : view === 'insights' ? (
            <InsightsView onOpenArticle={() => setView('editor')} />
          ) : view === 'quality' ? (
            <QualityView />
          ) : view === 'team' ? (
            <TeamView />
          ) : (
            <ArticleView
              onSaveVersion={actions.saveVersion}
              historyOpen={historyOpen}
              setHistoryOpen={setHistoryOpen}
              historyKey={historyKey}
              compare={place.compare}
              onCompare={(from, to) => {
                const id = useEditorStore.getState().article?.id;
                if (id) go({ view: 'editor', id, history: true, compare: { from, to } }, true);
              }}
            />
          )}
        </ViewBoundary>
      </div>
      <footer className="statusbar">
        <IndexStatusBar />
      </footer>
      <ViewBoundary resetKey={`${dialog}/${identityOpen}/${syncOpen}`}>
        {dialog === 'quickOpen' && <QuickOpen onClose={() => setDialog(null)} />}
        {dialog === 'newArticle' && <NewArticleDialog onClose={() => setDialog(null)} />}
        {dialog === 'saveVersion' && (
          <SaveVersionDialog onClose={() => setDialog(null)} onSaved={() => setHistoryKey((k) => k + 1)} />
        )}
        {identityOpen && <IdentityDialog />}
        {syncOpen && <SyncDialog />}
      </ViewBoundary>
      <Toasts place={noticePlace(location.pathname)} />
    </div>
  );
}
