import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { onEvent } from '../api/client';
import { i18next } from '../i18n';
import { StatusBadge } from '../review/StatusBadge';
import { useToastStore } from '../stores/useToastStore';
import { HandoffSuggestions } from './HandoffSuggestions';
import { ProfileForm } from './ProfileForm';
import { ProfileVersionDialog } from './ProfileVersionDialog';
import { useProfileStore } from './useProfileStore';
import './profile.css';

function useProfileShortcut(save: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
      // Capture on window runs before the studio's Ctrl+S (save an article version), which must not fire here.
      e.preventDefault();
      e.stopImmediatePropagation();
      save();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [save]);
}

function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);
}

const save = () =>
  void useProfileStore
    .getState()
    .save()
    .then((saved) => saved && useToastStore.getState().show('info', i18next.t('profile.saved')));

/** The agent profile editor: a form over `agent/profile.md`, its review status, save, version and submit. */
export function ProfileView({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { status, meta, saveState, broken, problems, conflict, review } = useProfileStore(
    useShallow((s) => ({
      status: s.status,
      meta: s.meta,
      saveState: s.saveState,
      broken: s.broken,
      problems: s.problems,
      conflict: s.conflict,
      review: s.review,
    })),
  );
  const [versionOpen, setVersionOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const dirty = saveState !== 'saved';
  useProfileShortcut(save);
  useUnsavedWarning(dirty);

  useEffect(() => {
    void useProfileStore.getState().load();
    return onEvent((event) => {
      const store = useProfileStore.getState();
      if (event.type === 'review.changed' && event.ids.includes('@profile')) void store.loadReview();
      if (event.type === 'events.connected') void store.load();
    });
  }, []);

  const close = () => {
    if (dirty && !window.confirm(t('profile.confirmClose'))) return;
    useProfileStore.getState().discard();
    onClose();
  };
  const reload = () => {
    if (dirty && !conflict && !window.confirm(t('profile.confirmReload'))) return;
    void useProfileStore.getState().load(true);
  };
  const submit = async () => {
    setBusy(true);
    await useProfileStore.getState().submit();
    setBusy(false);
  };

  return (
    <div className="profile-view">
      <main className="editor-pane profile-pane">
        <header className="editor-header profile-header">
          <h1 className="editor-title">{meta?.name ? `${t('profile.title')}: ${meta.name}` : t('profile.title')}</h1>
          {review && <StatusBadge article={review} />}
          {review && review.versionState !== 'versioned' && (
            <span className="badge version-state">{t(`versionState.${review.versionState}`)}</span>
          )}
          {meta && (
            <span
              className={`save-state ${saveState}`}
              data-testid="profile-save-state"
              data-state={saveState}
              role="status"
              aria-live="polite"
            >
              {t(`profile.saveState.${saveState}`)}
            </span>
          )}
          <span className="spacer" />
          {meta && (
            <>
              <button
                type="button"
                className="primary"
                disabled={saveState === 'saving'}
                onClick={save}
                title={`${t('profile.save')} (Ctrl+S)`}
              >
                {t('profile.save')} <kbd>Ctrl S</kbd>
              </button>
              <button type="button" onClick={() => setVersionOpen(true)}>
                {t('profile.saveVersion')}
              </button>
              <button type="button" disabled={busy} onClick={() => void submit()}>
                {t('profile.submit')}
              </button>
            </>
          )}
          <button type="button" onClick={close}>
            {t('profile.close')}
          </button>
        </header>
        <p className="muted profile-file">
          <code>{t('profile.file')}</code>
        </p>

        {conflict && (
          <div className="banner warning" role="alert" data-testid="profile-conflict">
            <span>{t('profile.conflict')}</span>
            <button type="button" onClick={reload}>
              {t('profile.reload')}
            </button>
            <button type="button" onClick={() => void useProfileStore.getState().save(true)}>
              {t('profile.keepMine')}
            </button>
          </div>
        )}
        {problems.length > 0 && (
          <div className="banner error" role="alert" data-testid="profile-problems">
            <strong>{t('profile.problemsTitle')}</strong>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.field && <code>{p.field}</code>} {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}

        {status === 'loading' || status === 'idle' ? (
          <p className="muted">{t('profile.loading')}</p>
        ) : status === 'missing' ? (
          <div className="empty-state">
            <p>{t('profile.missing')}</p>
            <button
              type="button"
              className="primary"
              onClick={() => useProfileStore.getState().startNew(t('profile.newName'))}
            >
              {t('profile.create')}
            </button>
          </div>
        ) : status === 'broken' && broken ? (
          <div className="profile-broken" data-testid="profile-broken">
            <div className="banner error" role="alert">
              <strong>{t('profile.brokenTitle')}</strong>
              <ul>
                {broken.problems.map((p, i) => (
                  <li key={i}>
                    {p.field && <code>{p.field}</code>} {p.message}
                  </li>
                ))}
              </ul>
            </div>
            <p className="muted">{t(broken.text === undefined ? 'profile.brokenFix' : 'profile.brokenHint')}</p>
            {broken.text !== undefined && (
              <textarea
                className="profile-raw"
                readOnly
                value={broken.text}
                aria-label={t('profile.rawText')}
                rows={24}
              />
            )}
            <button type="button" onClick={reload}>
              {t('profile.reload')}
            </button>
          </div>
        ) : (
          meta && (
            <>
              <HandoffSuggestions />
              <ProfileForm meta={meta} />
            </>
          )
        )}
      </main>
      {versionOpen && <ProfileVersionDialog onClose={() => setVersionOpen(false)} />}
    </div>
  );
}
