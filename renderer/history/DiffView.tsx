import { useTranslation } from 'react-i18next';
import type { ArticleDiff } from '../../main/api/index.js';
import { useHistoryStore } from '../stores/useHistoryStore';
import { DiffModeSwitch } from './DiffModeSwitch';
import { RenderedDiff } from './RenderedDiff';
import { SourceDiff } from './SourceDiff';
import './history.css';

const short = (ref: string) => (ref === 'working' ? ref : ref.slice(0, 7));

export function DiffView({ diff }: { diff: ArticleDiff }) {
  const { t } = useTranslation();
  const mode = useHistoryStore((s) => s.diffMode);
  const changed = diff.body.some((c) => c.kind !== 'equal');
  return (
    <div className="diff" data-testid="diff">
      {diff.fields.length > 0 && (
        <div className="diff-fields">
          <h4>{t('history.fields')}</h4>
          <ul>
            {diff.fields.map((f) => (
              <li key={f.field}>
                <code>{f.field}</code>: <del>{JSON.stringify(f.from) ?? '—'}</del> →{' '}
                <ins>{JSON.stringify(f.to) ?? '—'}</ins>
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.from.version === diff.to.version ? (
        <p className="muted" data-testid="diff-same">
          {t('history.sameCommits', { from: short(diff.from.ref), to: short(diff.to.ref) })}
        </p>
      ) : changed ? (
        <>
          <DiffModeSwitch />
          {mode === 'rendered' ? <RenderedDiff blocks={diff.blocks} /> : <SourceDiff body={diff.body} />}
        </>
      ) : (
        <p className="muted">{t('history.same')}</p>
      )}
    </div>
  );
}
