import type { ArticleDiff } from '../../main/api/contract';
import { useHistoryStore } from '../stores/useHistoryStore';
import { DiffModeSwitch } from '../history/DiffModeSwitch';

/** The whole text of one version (a first review has nothing to compare with), rendered or as Markdown. */
export function VersionText({ diff }: { diff: ArticleDiff }) {
  const mode = useHistoryStore((s) => s.diffMode);
  return (
    <div className="diff" data-testid="version-text">
      <DiffModeSwitch />
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
