import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Facts as chips: Enter or leaving the box adds what was typed (commas stay, as in "2,000 CNY"); × removes one. */
export function FactChips({
  values,
  onChange,
  label,
}: {
  values: string[];
  onChange: (v: string[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    const fact = draft.trim();
    setDraft('');
    if (fact && !values.includes(fact)) onChange([...values, fact]);
  };
  return (
    <ul className="quality-chips" aria-label={label}>
      {values.map((value) => (
        <li key={value} className="quality-chip" data-testid="fact-chip">
          <span>{value}</span>
          <button
            type="button"
            aria-label={t('quality.editor.removeChip', { value })}
            onClick={() => onChange(values.filter((v) => v !== value))}
          >
            ×
          </button>
        </li>
      ))}
      <li className="quality-chip-input">
        <input
          aria-label={`${label}: ${t('quality.editor.addFact')}`}
          placeholder={`${t('quality.editor.addFact')}…`}
          value={draft}
          maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={add}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing || e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
      </li>
    </ul>
  );
}
