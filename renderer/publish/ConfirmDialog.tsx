import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../shell/Dialog';

/** Ask before an action customers would notice; the dialog stays until the action has finished. */
export function ConfirmDialog({
  title,
  body,
  confirm,
  danger,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  confirm: string;
  danger?: boolean;
  onConfirm: () => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const done = await onConfirm();
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{body}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('publish.status.cancel')}
        </button>
        <button
          type="button"
          autoFocus
          className={danger ? 'danger' : 'primary'}
          disabled={busy}
          onClick={() => void run()}
        >
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
