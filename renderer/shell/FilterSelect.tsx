interface Props {
  label: string;
  /** The first option, meaning "no filter" (value ""). */
  allLabel: string;
  value: string;
  options: (string | { value: string; label: string })[];
  onChange: (value: string) => void;
}

/** A filter drop-down: "all" first, then the choices. */
export function FilterSelect({ label, allLabel, value, options, onChange }: Props) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{allLabel}</option>
      {options.map((o) => {
        const { value: v, label: text } = typeof o === 'string' ? { value: o, label: o } : o;
        return (
          <option key={v} value={v}>
            {text}
          </option>
        );
      })}
    </select>
  );
}
