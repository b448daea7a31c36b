import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ModelInstallProgress, ModelLocation, ModelStatus, Result } from '../../main/api/index.js';
import { call, onEvent } from '../api/client';

type Outcome = { ok: true; text: string } | { ok: false; error: ApiError };

/** Search is lexical only: say so, and offer to download a model or to use a folder that holds one. */
export function ModelNotice() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ModelStatus | null>(null);
  const [busy, setBusy] = useState<'install' | 'folder' | null>(null);
  const [progress, setProgress] = useState<ModelInstallProgress | null>(null);
  const [folder, setFolder] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    void call('model.status', {}).then((res) => res.ok && setStatus(res.data));
    return onEvent((event) => {
      if (event.type === 'model.progress') setProgress(event.progress);
    });
  }, []);

  const run = async (kind: 'install' | 'folder', request: () => Promise<Result<ModelLocation>>) => {
    setBusy(kind);
    setOutcome(null);
    setProgress(null);
    const res = await request();
    setBusy(null);
    setOutcome(
      res.ok
        ? {
            ok: true,
            text: t(kind === 'install' ? 'model.installed' : 'model.folderFound', {
              id: res.data.id,
              dir: res.data.dir,
            }),
          }
        : { ok: false, error: res.error },
    );
  };
  const suggested = status?.suggested ?? '';
  const install = () => void run('install', () => call('model.install', { id: suggested }));
  const useFolder = (e: FormEvent) => {
    e.preventDefault();
    void run('folder', () => call('model.useFolder', { dir: folder }));
  };
  const percent = progress?.total ? Math.round((progress.loaded / progress.total) * 100) : 0;

  return (
    <div className="banner warning model-notice" data-testid="model-notice">
      <p>{t(status?.root ? 'notice.NO_MODEL_dir' : 'notice.NO_MODEL', { modelDir: status?.root })}</p>
      <div className="model-actions">
        <button type="button" onClick={install} disabled={!suggested || busy !== null}>
          {t('model.install', { id: suggested })}
        </button>
        <form className="model-folder" onSubmit={useFolder}>
          <input
            type="text"
            aria-label={t('model.folder')}
            placeholder={t('model.folderPlaceholder')}
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
          />
          <button type="submit" disabled={!folder.trim() || busy !== null}>
            {t('model.useFolder')}
          </button>
        </form>
      </div>
      {busy === 'install' && (
        <p className="model-progress" role="status">
          <progress max={100} value={percent} aria-label={t('model.downloading')} />{' '}
          {progress ? t('model.progress', { file: progress.file, percent }) : t('model.connecting')}
        </p>
      )}
      {outcome?.ok && (
        <p className="model-outcome" role="status">
          {outcome.text}
        </p>
      )}
      {outcome && !outcome.ok && (
        <p className="model-outcome error" role="alert">
          {t(`errorCode.${outcome.error.code}`)} <small className="detail">{outcome.error.message}</small>
        </p>
      )}
    </div>
  );
}
