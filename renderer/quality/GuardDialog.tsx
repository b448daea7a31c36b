import { useTranslation } from 'react-i18next';
import { Dialog } from '../shell/Dialog';

/** Ask before unsaved question edits are thrown away. */
export function GuardDialog({
  name,
  onDiscard,
  onClose,
}: {
  name: string;
  onDiscard: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('quality.guard.title')} onClose={onClose}>
      <p>{t('quality.guard.body', { name })}</p>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          {t('quality.guard.keep')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            onDiscard();
            onClose();
          }}
        >
          {t('quality.guard.discard')}
        </button>
      </div>
    </Dialog>
  );
}
