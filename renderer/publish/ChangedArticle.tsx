import { useState } from 'react';
import type { ArticleDiff, SnapshotDiff } from '../../main/api/index.js';
import { call } from '../api/client';
import { DiffView } from '../history/DiffView';
import { showError } from '../stores/useToastStore';

/** A changed article that opens to its text diff against the version the target serves. */
export function ChangedArticle({ change }: { change: SnapshotDiff['changed'][number] }) {
  const [diff, setDiff] = useState<ArticleDiff | null>(null);
  return (
    <details
      data-testid="changed-article"
      onToggle={(e) => {
        if (!(e.currentTarget as HTMLDetailsElement).open || diff) return;
        void call('versions.diff', { id: change.id, from: change.from, to: change.to }).then((res) =>
          res.ok ? setDiff(res.data) : showError(res.error),
        );
      }}
    >
      <summary>
        {change.title || change.id}{' '}
        <span className="mono muted small">
          {change.from.slice(0, 7)} → {change.to.slice(0, 7)}
        </span>
      </summary>
      {diff && <DiffView diff={diff} />}
    </details>
  );
}
