import type { ArticleDiff } from '../../main/api/index.js';
import { useHistoryStore } from '../stores/useHistoryStore';
import { BlockGroup, groupBlocks } from '../history/BlockGroup';
import { DiffModeSwitch } from '../history/DiffModeSwitch';
import { useAssetImages } from '../history/useAssetImages';
import '../history/history.css';

/** The whole text of one version (a first review has nothing to compare with), rendered or as Markdown. */
export function VersionText({ diff }: { diff: ArticleDiff }) {
  const mode = useHistoryStore((s) => s.diffMode);
  const images = useAssetImages();
  return (
    <div className="diff" data-testid="version-text">
      <DiffModeSwitch />
      {mode === 'rendered' ? (
        <div ref={images} className="diff-rendered prose" data-testid="diff-rendered">
          {groupBlocks(diff.blocks).map((g, i) => (
            <BlockGroup key={i} group={g} />
          ))}
        </div>
      ) : (
        <pre className="diff-body diff-source">{diff.body.map((c) => c.text).join('')}</pre>
      )}
    </div>
  );
}
