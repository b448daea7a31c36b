import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDiff } from '../../main/api/contract';

type Block = ArticleDiff['blocks'][number];

interface Group {
  container?: Block['container'];
  blocks: Block[];
}

// Runs of unchanged blocks longer than this fold, keeping this many at each edge for context.
const foldAbove = 5;
const context = 1;

function groupBlocks(blocks: Block[]): Group[] {
  const groups: Group[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.container && last?.container === block.container) last.blocks.push(block);
    else groups.push({ container: block.container, blocks: [block] });
  }
  return groups;
}

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

function BlockGroup({ group }: { group: Group }) {
  const html = (b: Block) => ({ __html: b.html });
  if (group.container === 'table') {
    return (
      <table>
        <tbody>
          {group.blocks.map((b, i) => (
            <tr key={i} className={`block-${b.kind}`} data-kind={b.kind} dangerouslySetInnerHTML={html(b)} />
          ))}
        </tbody>
      </table>
    );
  }
  if (group.container) {
    const List = group.container;
    return (
      <List>
        {group.blocks.map((b, i) => (
          <li
            key={i}
            value={b.start}
            className={`block-${b.kind}`}
            data-kind={b.kind}
            dangerouslySetInnerHTML={html(b)}
          />
        ))}
      </List>
    );
  }
  const [b] = group.blocks;
  return <div className={`diff-block block-${b!.kind}`} data-kind={b!.kind} dangerouslySetInnerHTML={html(b!)} />;
}

/** Both versions rendered, block by block: unchanged, added, removed, or changed with its words marked. */
export function RenderedDiff({ blocks }: { blocks: Block[] }) {
  const { t } = useTranslation();
  const [unfolded, setUnfolded] = useState(false);
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
    <div className="diff-rendered prose" data-testid="diff-rendered">
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
