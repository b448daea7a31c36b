import type { ArticleDiff } from '../../main/api/index.js';
import { deferAssetImages } from './useAssetImages';

export type Block = ArticleDiff['blocks'][number];

export interface Group {
  container?: Block['container'];
  blocks: Block[];
}

/** Runs of table rows and list items become one table or list; a header row starts a new table. */
export function groupBlocks(blocks: Block[]): Group[] {
  const groups: Group[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    const sameTable = block.container === 'table' && !(block.header && last?.blocks.some((b) => !b.header));
    if (block.container && last?.container === block.container && (block.container !== 'table' || sameTable))
      last.blocks.push(block);
    else groups.push({ container: block.container, blocks: [block] });
  }
  return groups;
}

const html = (b: Block) => ({ __html: deferAssetImages(b.html) });

function Row({ block }: { block: Block }) {
  return <tr className={`block-${block.kind}`} data-kind={block.kind} dangerouslySetInnerHTML={html(block)} />;
}

/** One rendered block, or a run of table rows or list items inside their table or list. */
export function BlockGroup({ group }: { group: Group }) {
  if (group.container === 'table') {
    const head = group.blocks.filter((b) => b.header);
    const body = group.blocks.filter((b) => !b.header);
    return (
      <table>
        {head.length > 0 && (
          <thead>
            {head.map((b, i) => (
              <Row key={i} block={b} />
            ))}
          </thead>
        )}
        <tbody>
          {body.map((b, i) => (
            <Row key={i} block={b} />
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
