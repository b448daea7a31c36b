import { Fragment, useMemo } from 'react';
import type { ArticleDiff } from '../../main/api/index.js';
import { sourceLines, type SourceLine, type TextChange } from './sourceLines';

function Parts({ parts }: { parts: TextChange[] }) {
  return parts.map((c, i) =>
    !c.text ? null : c.kind === 'added' ? (
      <ins key={i} className="diff-added">
        {c.text}
      </ins>
    ) : c.kind === 'removed' ? (
      <del key={i} className="diff-removed">
        {c.text}
      </del>
    ) : (
      <Fragment key={i}>{c.text}</Fragment>
    ),
  );
}

function Line({ line }: { line: SourceLine }) {
  if (line.kind === 'row')
    return (
      <span className="diff-line" data-kind="row">
        {'| '}
        {line.cells.map((cell, i) => (
          <Fragment key={i}>
            {i > 0 && ' | '}
            {cell.changed ? (
              <span className="diff-cell" data-testid="diff-cell-changed">
                <Parts parts={cell.parts} />
              </span>
            ) : (
              cell.parts[0]!.text
            )}
          </Fragment>
        ))}
        {' |'}
      </span>
    );
  if (line.kind === 'changed')
    return (
      <span className="diff-line" data-kind="changed">
        <Parts parts={line.parts} />
      </span>
    );
  return (
    <span className="diff-line" data-kind={line.kind}>
      <Parts parts={[{ kind: line.kind, text: line.text }]} />
    </span>
  );
}

/** The Markdown source of both versions, line by line; table rows compare cell by cell. */
export function SourceDiff({ body }: { body: ArticleDiff['body'] }) {
  const lines = useMemo(() => sourceLines(body), [body]);
  return (
    <pre className="diff-body diff-source" data-testid="diff-source">
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && '\n'}
          <Line line={line} />
        </Fragment>
      ))}
    </pre>
  );
}
