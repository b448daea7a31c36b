import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerResult, Citation, GroundedSentence } from '../../main/api/index.js';
import { SaveAsTestDialog } from '../quality/SaveAsTestDialog';
import { useEditorStore } from '../stores/useEditorStore';
import { citationRuns } from './citationRuns';
import { FeedbackForm } from './FeedbackForm';
import { HandoffBanner } from './HandoffBanner';
import { TracePanel } from './TracePanel';
import type { Exchange } from './usePreviewStore';

/** Open the cited article with the passage highlighted; the editor finds it by the text the answer cited. */
function openCitation(c: Citation, onOpenArticle: () => void) {
  void useEditorStore.getState().open(c.articleId, { start: c.start, end: c.end, text: c.text });
  onOpenArticle();
}

function Marked({ text, citations, onOpen }: { text: string; citations: Citation[]; onOpen: (c: Citation) => void }) {
  const { t } = useTranslation();
  return citationRuns(text).map((run, i) => {
    if ('text' in run) return <span key={i}>{run.text}</span>;
    const c = citations.find((x) => x.n === run.n);
    if (!c)
      return (
        <span key={i} className="cite-chip dead">
          {run.n}
        </span>
      );
    const name = t('preview.citation', { n: c.n, title: c.title });
    return (
      <button key={i} type="button" className="cite-chip" aria-label={name} title={name} onClick={() => onOpen(c)}>
        {c.n}
      </button>
    );
  });
}

function Sentence({ s, ...rest }: { s: GroundedSentence; citations: Citation[]; onOpen: (c: Citation) => void }) {
  const { t } = useTranslation();
  const kind = !s.supported ? ' unsupported' : s.miscited ? ' miscited' : '';
  const title = !s.supported
    ? t('preview.unsupported')
    : s.miscited && s.source
      ? t('preview.miscited', { n: s.source })
      : undefined;
  return (
    <span className={`sentence${kind}`} title={title} data-supported={s.supported}>
      <Marked text={s.text} {...rest} />
    </span>
  );
}

function AnswerBody({
  exchange,
  result,
  onOpenArticle,
}: {
  exchange: Exchange;
  result: AnswerResult;
  onOpenArticle: () => void;
}) {
  const { t } = useTranslation();
  const [why, setWhy] = useState(false);
  const [savingTest, setSavingTest] = useState(false);
  const open = (c: Citation) => openCitation(c, onOpenArticle);
  const gap = result.trace.language === 'zh' ? '' : ' ';
  const unsupported = result.sentences.some((s) => !s.supported);
  const confidence = result.confidence.toFixed(2);
  return (
    <>
      {result.handoff && <HandoffBanner handoff={result.handoff} result={result} />}
      {result.providerFailed && (
        <p className="provider-fallback" role="status" data-testid="provider-fallback" title={result.providerFailed}>
          {t('preview.providerFallback')}
        </p>
      )}
      <p className="answer-text" data-testid="answer-text">
        {result.sentences.length > 0 ? (
          result.sentences.map((s, i) => (
            <span key={i}>
              {i > 0 && gap}
              <Sentence s={s} citations={result.citations} onOpen={open} />
            </span>
          ))
        ) : (
          <Marked text={result.answer} citations={result.citations} onOpen={open} />
        )}
      </p>
      {unsupported && (
        <p className="grounding-legend">
          <span className="legend-swatch" aria-hidden="true" /> {t('preview.legend')}
        </p>
      )}
      {result.citations.length > 0 && (
        <ol className="answer-citations" aria-label={t('preview.citations')}>
          {result.citations.map((c) => (
            <li key={c.n}>
              <button
                type="button"
                className="answer-citation"
                data-testid="citation"
                title={t('preview.openCitation')}
                onClick={() => open(c)}
              >
                <span className="cite-chip">{c.n}</span>
                <span className="result-title">{c.title}</span>
                {c.headings.length > 0 && <span className="result-path"> › {c.headings.join(' › ')}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="answer-meta">
        {!result.handoff && <span className="muted">{t('preview.confidence', { value: confidence })}</span>}
        <button type="button" className="link" aria-expanded={why} onClick={() => setWhy(!why)}>
          {why ? t('preview.hideWhy') : t('preview.why')}
        </button>
        <button type="button" className="link" onClick={() => setSavingTest(true)}>
          {t('preview.saveAsTest')}
        </button>
      </div>
      {why && (
        <TracePanel
          trace={result.trace}
          confidence={result.confidence}
          reason={result.handoff?.reason ?? result.unsure}
        />
      )}
      {savingTest && (
        <SaveAsTestDialog
          question={exchange.question}
          expected={[...new Set(result.citations.map((c) => c.articleId))]}
          handoff={result.handoff !== null}
          onClose={() => setSavingTest(false)}
        />
      )}
      <FeedbackForm exchange={exchange} result={result} />
    </>
  );
}

/** One question and the agent's answer: streamed text while it runs, then the checked, cited result. */
export function AnswerMessage({ exchange, onOpenArticle }: { exchange: Exchange; onOpenArticle: () => void }) {
  const { t } = useTranslation();
  const { result, error } = exchange;
  const waiting = !result && error === undefined;
  return (
    <li className="exchange" data-testid="exchange">
      <div className="chat-turn customer">
        <span className="turn-who">{t('preview.you')}</span>
        <p>{exchange.question}</p>
      </div>
      <div className="chat-turn agent" data-testid="answer" aria-busy={waiting}>
        <span className="turn-who">{t('preview.agent')}</span>
        {waiting &&
          (exchange.streamed ? (
            <p className="answer-text streaming" data-testid="answer-text">
              {exchange.streamed}
            </p>
          ) : (
            <p className="muted">{t('preview.thinking')}</p>
          ))}
        {error !== undefined && <p className="answer-error">{t('preview.noAnswer', { message: error })}</p>}
        {result && <AnswerBody exchange={exchange} result={result} onOpenArticle={onOpenArticle} />}
      </div>
    </li>
  );
}
