import { useFieldProblems } from './useProfileStore';

/** What the core refused in a field (and the fields inside it), shown beside it. */
export function FieldProblems({ field }: { field: string }) {
  const problems = useFieldProblems(field);
  if (!problems.length) return null;
  return (
    <span className="field-problem" role="alert" data-testid="field-problem" data-field={field}>
      {problems.map((p) => p.message).join('; ')}
    </span>
  );
}
