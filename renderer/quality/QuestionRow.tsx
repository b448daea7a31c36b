import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoldenQuestion } from '../../main/api/index.js';
import { ArticlePicker } from './ArticlePicker';
import { FactChips } from './FactChips';
import { useGoldenSetStore } from './useGoldenSetStore';

/** One editable golden question: its text, expected articles, hand-off and facts. */
export const QuestionRow = memo(function QuestionRow({ question, index }: { question: GoldenQuestion; index: number }) {
  const { t } = useTranslation();
  const n = index + 1;
  const update = (patch: Partial<GoldenQuestion>) => useGoldenSetStore.getState().update(index, patch);
  return (
    <tr data-testid="question-row" data-id={question.id}>
      <td className="num muted" title={question.id}>
        {n}
      </td>
      <td>
        <textarea
          className="question-text"
          rows={2}
          maxLength={4000}
          aria-label={t('quality.editor.questionLabel', { n })}
          aria-invalid={!question.question.trim() || undefined}
          placeholder={t('quality.editor.questionPlaceholder')}
          value={question.question}
          onChange={(e) => update({ question: e.target.value })}
        />
      </td>
      <td>
        <ArticlePicker
          label={`${t('quality.editor.expected')} ${n}`}
          ids={question.expected}
          onChange={(expected) => update({ expected })}
        />
      </td>
      <td className="center">
        <input
          type="checkbox"
          aria-label={t('quality.editor.handoffLabel', { n })}
          checked={question.handoff}
          onChange={(e) => update({ handoff: e.target.checked })}
        />
      </td>
      <td>
        <FactChips
          label={`${t('quality.editor.facts')} ${n}`}
          values={question.facts}
          onChange={(facts) => update({ facts })}
        />
      </td>
      <td>
        <button
          type="button"
          className="link danger"
          aria-label={t('quality.editor.removeRow', { n })}
          title={t('quality.editor.removeRow', { n })}
          onClick={() => useGoldenSetStore.getState().remove(index)}
        >
          ×
        </button>
      </td>
    </tr>
  );
});
