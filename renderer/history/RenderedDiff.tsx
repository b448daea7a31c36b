import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockGroup, groupBlocks, type Block, type Group } from './BlockGroup';
import { useAssetImages } from './useAssetImages';

// Runs of unchanged blocks longer than this fold, keeping this many at each edge for context.
const foldAbove = 5;
const context = 1;

/** Drop the middle of long unchanged runs, marking where with a count. */
function foldUnchanged(blocks: Block[]): (Block | { folded: number })[] {
  const out: (Block | { folded: number })[] = [];
  let run: Block[] = [];
  const flush = (atStart: boolean, atEnd: boolean) => {
    const keepBefore = atStart ? 0 : context;
    const keepAfter = atEnd ? 0 : context;
    if (run.length > foldAbove) {
      out.push(...run.slice(0, keepBefore), { folded: run.length - keepBefore - keepAfter });
      out.push(...run.slice(run.length - keepAfter));
    } else out.push(...run);
    run = [];
  };
  blocks.forEach((block) => {
    if (block.kind === 'unchanged') run.push(block);
    else {
      flush(out.length === 0, false);
      out.push(block);
    }
  });
  flush(out.length === 0, true);
  return out;
}

/** Both versions rendered, block by block: unchanged, added, removed, or changed with its words marked. */
export function RenderedDiff({ blocks }: { blocks: Block[] }) {
  const { t } = useTranslation();
  const [unfolded, setUnfolded] = useState(false);
  const images = useAssetImages();
  const items = unfolded ? blocks : foldUnchanged(blocks);
  const sections: (Group | { folded: number })[] = [];
  let pending: Block[] = [];
  for (const item of items) {
    if ('folded' in item) {
      sections.push(...groupBlocks(pending), item);
      pending = [];
    } else pending.push(item);
  }
  sections.push(...groupBlocks(pending));
  return (
    <div ref={images} className="diff-rendered prose" data-testid="diff-rendered">
      {sections.map((s, i) =>
        'folded' in s ? (
          <button key={i} type="button" className="diff-fold link" onClick={() => setUnfolded(true)}>
            {t('history.unchangedBlocks', { count: s.folded })}
          </button>
        ) : (
          <BlockGroup key={i} group={s} />
        ),
      )}
    </div>
  );
}
