import { useTranslation } from 'react-i18next';
import { useHistoryStore, type DiffMode } from '../stores/useHistoryStore';

const modes: DiffMode[] = ['source', 'rendered'];

/** Markdown source or rendered: one choice for every diff and version view, remembered between them. */
export function DiffModeSwitch() {
  const { t } = useTranslation();
  const mode = useHistoryStore((s) => s.diffMode);
  const setMode = useHistoryStore((s) => s.setDiffMode);
  return (
    <div className="diff-mode" role="group" aria-label={t('history.diffMode')}>
      {modes.map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
          {t(`history.${m}`)}
        </button>
      ))}
    </div>
  );
}
