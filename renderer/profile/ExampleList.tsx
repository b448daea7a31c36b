import { useTranslation } from 'react-i18next';
import { FieldProblems } from './FieldProblems';

/** One language's example phrasings: one editable line each, with add and remove. */
export function ExampleList({
  locale,
  values,
  onChange,
  field,
}: {
  locale: string;
  values: string[];
  onChange: (values: string[]) => void;
  field: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, value: string) => onChange(values.map((v, j) => (j === i ? value : v)));
  return (
    <fieldset className="example-list" data-locale={locale} data-field={field}>
      <legend>
        {t('profile.intent.examples', { locale })} <small>({t('profile.intent.examplesHint')})</small>
      </legend>
      <ol>
        {values.map((value, i) => (
          <li key={i}>
            <input
              lang={locale}
              autoFocus={!value && i === values.length - 1}
              aria-label={t('profile.intent.example', { n: i + 1, locale })}
              value={value}
              onChange={(e) => set(i, e.target.value)}
            />
            <button
              type="button"
              aria-label={t('profile.intent.removeExample', { n: i + 1, locale })}
              title={t('profile.intent.removeExample', { n: i + 1, locale })}
              onClick={() => onChange(values.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="link" onClick={() => onChange([...values, ''])}>
        + {t('profile.intent.addExample', { locale })}
      </button>
      <FieldProblems field={field} />
    </fieldset>
  );
}
