import { useTranslation } from 'react-i18next';
import { FieldProblems } from './FieldProblems';

/** Currency and amount pairs: a question stating more than one of these matches the topic. */
export function AmountLimits({
  value,
  onChange,
  field,
}: {
  value: Record<string, number> | undefined;
  onChange: (value: Record<string, number> | undefined) => void;
  field: string;
}) {
  const { t } = useTranslation();
  const rows = Object.entries(value ?? {});
  const write = (next: [string, number][]) => onChange(next.length ? Object.fromEntries(next) : undefined);
  return (
    <fieldset className="amount-limits" data-field={field}>
      <legend>
        {t('profile.intent.amountAbove')} <small>({t('profile.intent.amountAboveHint')})</small>
      </legend>
      {rows.map(([currency, amount], i) => (
        <div key={i} className="amount-row">
          <input
            className="currency"
            aria-label={t('profile.intent.currency')}
            placeholder="USD"
            value={currency}
            maxLength={8}
            onChange={(e) => write(rows.map((r, j) => (j === i ? [e.target.value.toUpperCase(), r[1]] : r)))}
          />
          <span aria-hidden="true">&gt;</span>
          <input
            type="number"
            min={0}
            aria-label={`${t('profile.intent.amount')} ${currency}`}
            value={Number.isFinite(amount) ? amount : ''}
            onChange={(e) => write(rows.map((r, j) => (j === i ? [r[0], e.target.valueAsNumber] : r)))}
          />
          <button
            type="button"
            aria-label={t('profile.intent.removeAmount', { currency })}
            onClick={() => write(rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link"
        disabled={rows.some(([currency]) => !currency)}
        onClick={() => write([...rows, ['', 0]])}
      >
        + {t('profile.intent.addAmount')}
      </button>
      <FieldProblems field={field} />
    </fieldset>
  );
}
