import { useTranslation } from 'react-i18next';
import type { ArticleDiff } from '../../main/api/contract';

export function DiffView({ diff }: { diff: ArticleDiff }) {
  const { t } = useTranslation();
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
      {changed ? (
        <pre className="diff-body">
          {diff.body.map((c, i) =>
            c.kind === 'added' ? (
              <ins key={i} className="diff-added">
                {c.text}
              </ins>
            ) : c.kind === 'removed' ? (
              <del key={i} className="diff-removed">
                {c.text}
              </del>
            ) : (
              <span key={i}>{c.text}</span>
            ),
          )}
        </pre>
      ) : (
        <p className="muted">{t('history.same')}</p>
      )}
    </div>
  );
}
