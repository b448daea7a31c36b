import { useTranslation } from 'react-i18next';
import type { ArticleDiff } from '../../main/api/contract';
import { useHistoryStore, type DiffMode } from '../stores/useHistoryStore';

/** The whole text of one version (a first review has nothing to compare with), rendered or as Markdown. */
export function VersionText({ diff }: { diff: ArticleDiff }) {
  const { t } = useTranslation();
  const mode = useHistoryStore((s) => s.diffMode);
  const setMode = useHistoryStore((s) => s.setDiffMode);
  const modes: DiffMode[] = ['source', 'rendered'];
  return (
    <div className="diff" data-testid="version-text">
      <div className="diff-mode" role="group" aria-label={t('history.diffMode')}>
        {modes.map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
            {t(`history.${m}`)}
          </button>
        ))}
      </div>
      {mode === 'rendered' ? (
        <div className="diff-rendered prose" data-testid="diff-rendered">
          {diff.blocks.map((b, i) => (
            <div key={i} className="diff-block" dangerouslySetInnerHTML={{ __html: b.html }} />
          ))}
        </div>
      ) : (
        <pre className="diff-body">{diff.body.map((c) => c.text).join('')}</pre>
      )}
    </div>
  );
}
