import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../stores/useEditorStore';

export function SaveStateBadge() {
  const { t } = useTranslation();
  const state = useEditorStore((s) => s.saveState);
  return (
    <span
      className={`save-state ${state}`}
      data-testid="save-state"
      data-state={state}
      role="status"
      aria-live="polite"
    >
      {t(`editor.${state}`)}
    </span>
  );
}
