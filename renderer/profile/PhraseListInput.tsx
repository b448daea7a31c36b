import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldProblems } from './FieldProblems';

/** Phrases as chips: Enter, a comma or leaving the box adds what was typed; × removes one. */
export function PhraseListInput({
  label,
  hint,
  addLabel,
  values,
  onChange,
  field,
}: {
  label: string;
  hint?: string;
  addLabel: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** The field path the core reports problems under. */
  field: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const labelId = useId();
  const add = () => {
    const fresh = draft
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter((s) => s && !values.includes(s));
    setDraft('');
    if (fresh.length) onChange([...values, ...fresh]);
  };
  return (
    <div className="field profile-chips" role="group" aria-labelledby={labelId} data-field={field}>
      <span id={labelId}>
        {label} {hint && <small>({hint})</small>}
      </span>
      <ul className="chip-list">
        {values.map((value, i) => (
          <li key={`${i}-${value}`} className="chip">
            <span>{value}</span>
            <button
              type="button"
              aria-label={t('profile.chips.remove', { value })}
              onClick={() => onChange(values.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
        <li className="chip-input">
          <input
            aria-label={addLabel}
            placeholder={`${addLabel}…`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={add}
            onKeyDown={(e) => {
              if (e.nativeEvent.isComposing || !['Enter', ',', '，'].includes(e.key)) return;
              e.preventDefault();
              add();
            }}
          />
        </li>
      </ul>
      <FieldProblems field={field} />
    </div>
  );
}
