import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthPassage } from '../../main/api/index.js';
import { useEditorStore } from '../stores/useEditorStore';
import { useInsightsStore } from './useInsightsStore';

function highlighted(text: string, statements: string[]): ReactNode[] {
  const marks = statements
    .map((s) => ({ s, at: text.indexOf(s) }))
    .filter((m) => m.s && m.at >= 0)
    .sort((a, b) => a.at - b.at);
  const out: ReactNode[] = [];
  let pos = 0;
  for (const { s, at } of marks) {
    if (at < pos) continue;
    out.push(text.slice(pos, at), <mark key={at}>{s}</mark>);
    pos = at + s.length;
  }
  out.push(text.slice(pos));
  const missing = statements.filter((s) => s && !text.includes(s));
  return missing.length ? [...out, ...missing.map((s, i) => <mark key={`m${i}`}> {s}</mark>)] : out;
}

function Side({ passage, states, onOpen }: { passage: HealthPassage; states: string[]; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="insights-side">
      <div className="insights-side-head">
        <strong>{passage.title}</strong>
        <span className="muted small">{passage.locale}</span>
        <span className="spacer" />
        <button type="button" aria-label={t('insights.health.openTitle', { title: passage.title })} onClick={onOpen}>
          {t('insights.health.open')}
        </button>
      </div>
      {passage.headings.length > 0 && <p className="muted small">{passage.headings.join(' › ')}</p>}
      <p className="insights-passage">{highlighted(passage.text, states)}</p>
    </div>
  );
}

/** Knowledge health: conflicting statements first, then near-duplicate passages, each pair side by side. */
export function HealthPanel({ onOpenArticle }: { onOpenArticle: () => void }) {
  const { t } = useTranslation();
  const health = useInsightsStore((s) => s.health);
  const checking = useInsightsStore((s) => s.checking);
  const open = async (id: string) => {
    await useEditorStore.getState().open(id);
    onOpenArticle();
  };
  const similar = (s: number) => t('insights.health.similarity', { percent: Math.round(s * 100) });

  return (
    <div data-testid="health">
      <p className="muted view-intro">{t('insights.health.intro')}</p>
      <button
        type="button"
        className="primary"
        disabled={checking}
        onClick={() => void useInsightsStore.getState().checkHealth()}
      >
        {checking ? t('insights.health.checking') : t('insights.health.check')}
      </button>
      {!health ? (
        <p className="muted insights-empty">{t('insights.health.notChecked')}</p>
      ) : (
        <>
          <p className="muted small">{t('insights.health.passages', { count: health.passages })}</p>
          {health.conflicts.length === 0 && health.duplicates.length === 0 && (
            <p className="insights-empty" data-testid="health-clean">
              {t('insights.health.clean')}
            </p>
          )}
          {health.conflicts.length > 0 && (
            <section className="view-section" data-testid="conflicts">
              <h2>{t('insights.health.conflicts', { count: health.conflicts.length })}</h2>
              <p className="muted small">{t('insights.health.conflictsHint')}</p>
              {health.conflicts.map((c) => (
                <div key={`${c.a.chunkId}|${c.b.chunkId}`} className="insights-pair conflict" data-testid="conflict">
                  <p className="insights-pair-summary">
                    <strong>{c.summary}</strong> <span className="muted small">{similar(c.similarity)}</span>
                  </p>
                  <div className="insights-sides">
                    <Side passage={c.a} states={c.aStates} onOpen={() => void open(c.a.articleId)} />
                    <Side passage={c.b} states={c.bStates} onOpen={() => void open(c.b.articleId)} />
                  </div>
                </div>
              ))}
            </section>
          )}
          {health.duplicates.length > 0 && (
            <section className="view-section" data-testid="duplicates">
              <h2>{t('insights.health.duplicates', { count: health.duplicates.length })}</h2>
              <p className="muted small">{t('insights.health.duplicatesHint')}</p>
              {health.duplicates.map((d) => (
                <div key={`${d.a.chunkId}|${d.b.chunkId}`} className="insights-pair" data-testid="duplicate">
                  <p className="insights-pair-summary muted small">{similar(d.similarity)}</p>
                  <div className="insights-sides">
                    <Side passage={d.a} states={[]} onOpen={() => void open(d.a.articleId)} />
                    <Side passage={d.b} states={[]} onOpen={() => void open(d.b.articleId)} />
                  </div>
                </div>
              ))}
            </section>
          )}
        </>
      )}
    </div>
  );
}
