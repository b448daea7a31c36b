import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../shell/Dialog';
import { setNamePattern, useGoldenSetStore } from './useGoldenSetStore';

/** Name a new golden set; the name of an existing one opens it instead. */
export function NewSetDialog({
  onCreate,
  onClose,
}: {
  onCreate: (name: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const sets = useGoldenSetStore((s) => s.sets);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const trimmed = name.trim();
  const valid = setNamePattern.test(trimmed);
  const exists = sets?.some((s) => s.name === trimmed) ?? false;

  const create = async () => {
    setBusy(true);
    const done = await onCreate(trimmed);
    setBusy(false);
    if (done) onClose();
  };

  return (
    <Dialog title={t('quality.newSet.title')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void create();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('quality.newSet.name')}</label>
          <input
            id={`${id}-name`}
            autoFocus
            value={name}
            maxLength={100}
            placeholder="golden"
            aria-describedby={`${id}-hint`}
            aria-invalid={(trimmed !== '' && !valid) || undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <small id={`${id}-hint`} className={trimmed && !valid ? 'quality-invalid' : undefined}>
            {trimmed && !valid
              ? t('quality.newSet.badName')
              : exists
                ? t('quality.newSet.exists')
                : t('quality.newSet.hint')}
          </small>
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('quality.newSet.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !valid}>
            {t('quality.newSet.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
