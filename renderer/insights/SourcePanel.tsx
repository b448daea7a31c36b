import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetView } from '../../main/api/index.js';
import { call } from '../api/client';
import { showError, useToastStore } from '../stores/useToastStore';
import { useInsightsStore } from './useInsightsStore';
import { currencies } from './formatInsights';

const shownProblems = 5;

/** Where the conversations come from (a log file or a live agent), the costs, and the lines that could not be read. */
export function SourcePanel() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'file' | 'live'>('file');
  const [targets, setTargets] = useState<TargetView[]>([]);
  const [target, setTarget] = useState('');
  const costs = useInsightsStore((s) => s.costs);
  const currency = useInsightsStore((s) => s.currency);
  const loading = useInsightsStore((s) => s.loading);
  const source = useInsightsStore((s) => s.source);
  const problems = useInsightsStore((s) => s.data?.problems) ?? [];

  useEffect(() => {
    if (mode !== 'live') return;
    let live = true;
    void call('publish.overview', {}).then((res) => {
      if (!live) return;
      if (!res.ok) return showError(res.error);
      setTargets(res.data.targets);
      setTarget((current) => current || res.data.targets[0]?.url || '');
    });
    return () => {
      live = false;
    };
  }, [mode]);

  const readFile = (file: File | undefined) => {
    if (!file) return;
    // The studio's bridge takes requests up to 32 MB; a bigger log is for the command line.
    if (file.size > 30 * 1024 * 1024) {
      useToastStore
        .getState()
        .show('error', t('insights.source.tooLarge', { name: file.name, mb: Math.round(file.size / 1024 / 1024) }));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl';
      void useInsightsStore.getState().load({ log: { name: file.name, format, text: String(reader.result) } });
    };
    reader.readAsText(file);
  };

  const cost = (key: 'humanTicket' | 'automatedAnswer', value: string) => {
    const n = Number(value);
    if (value !== '' && Number.isFinite(n) && n >= 0) useInsightsStore.getState().setCosts({ [key]: n });
  };

  const sourceName = source ? ('log' in source ? source.log.name : source.target) : null;

  return (
    <section className="view-section insights-source" aria-label={t('insights.source.label')}>
      <div className="insights-source-row">
        <div className="insights-modes" role="radiogroup" aria-label={t('insights.source.label')}>
          <label>
            <input type="radio" checked={mode === 'file'} onChange={() => setMode('file')} />
            {t('insights.source.file')}
          </label>
          <label>
            <input type="radio" checked={mode === 'live'} onChange={() => setMode('live')} />
            {t('insights.source.live')}
          </label>
        </div>
        {mode === 'file' ? (
          <label className="insights-file">
            <input
              type="file"
              accept=".jsonl,.csv"
              aria-label={t('insights.source.file')}
              data-testid="insights-file"
              onChange={(e) => {
                readFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <span className="muted small">{t('insights.source.fileHint')}</span>
          </label>
        ) : targets.length === 0 ? (
          <span className="muted small">{t('insights.source.noTargets')}</span>
        ) : (
          <span className="insights-live">
            <select aria-label={t('insights.source.target')} value={target} onChange={(e) => setTarget(e.target.value)}>
              {targets.map((tg) => (
                <option key={tg.url} value={tg.url}>
                  {tg.name || tg.url}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!target || loading}
              onClick={() => void useInsightsStore.getState().load({ target })}
            >
              {t('insights.source.load')}
            </button>
          </span>
        )}
      </div>
      <div className="insights-source-row">
        <label className="insights-cost">
          {t('insights.source.humanTicket')}
          <input
            type="number"
            min={0}
            step={0.01}
            defaultValue={costs.humanTicket}
            onChange={(e) => cost('humanTicket', e.target.value)}
          />
        </label>
        <label className="insights-cost">
          {t('insights.source.automatedAnswer')}
          <input
            type="number"
            min={0}
            step={0.01}
            defaultValue={costs.automatedAnswer}
            onChange={(e) => cost('automatedAnswer', e.target.value)}
          />
        </label>
        <label className="insights-cost">
          {t('insights.source.currency')}
          <select value={currency} onChange={(e) => useInsightsStore.getState().setCurrency(e.target.value)}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small" data-testid="insights-status">
          {loading ? t('insights.source.loading') : sourceName ? t('insights.source.loaded', { name: sourceName }) : ''}
        </span>
      </div>
      {problems.length > 0 && (
        <div className="insights-problems" role="status" data-testid="insights-problems">
          <p>{t('insights.source.unreadable', { count: problems.length })}</p>
          <ul>
            {problems.slice(0, shownProblems).map((p, i) => (
              <li key={i} className="small">
                <span className="mono">{p.field}</span> {p.message}
              </li>
            ))}
          </ul>
          {problems.length > shownProblems && (
            <p className="muted small">
              {t('insights.source.unreadableMore', { count: problems.length - shownProblems })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
