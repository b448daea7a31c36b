import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n';
import { call } from '../api/client';
import { showError, useToastStore } from '../stores/useToastStore';
import { QuestionRow } from './QuestionRow';
import { draftValid, useGoldenSetStore } from './useGoldenSetStore';

/** One empty list: a selector that returned a new [] each time would re-render forever. */
const noProblems: never[] = [];

/** The set changed on disk since it was loaded: load theirs, or save mine over it. */
function Conflict() {
  const { t } = useTranslation();
  const conflict = useGoldenSetStore((s) => s.conflict);
  if (!conflict) return null;
  const reload = () => {
    const store = useGoldenSetStore.getState();
    store.discard();
    if (store.selected) void store.open(store.selected);
  };
  return (
    <div className="banner warning" role="alert" data-testid="set-conflict">
      <span>{t('quality.editor.conflict')}</span>{' '}
      <button type="button" onClick={reload}>
        {t('quality.editor.reloadTheirs')}
      </button>{' '}
      <button type="button" onClick={() => void saveDraft(true)}>
        {t('quality.editor.saveMine')}
      </button>
    </div>
  );
}

/** The file's unreadable lines, by number: left out of runs, kept as they are on save. */
function Problems() {
  const { t } = useTranslation();
  const problems = useGoldenSetStore((s) => s.saved?.problems) ?? noProblems;
  if (problems.length === 0) return null;
  return (
    <div className="banner warning quality-problems" role="alert" data-testid="set-problems">
      <strong>{t('quality.editor.problemsTitle')}</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={`${i}-${p.field}`} data-testid="set-problem">
            {t('quality.editor.problemLine', { line: (p.field ?? '').replace(/^line\s*/, ''), message: p.message })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Save the questions being edited, with a notice when it worked. */
export async function saveDraft(overwrite = false): Promise<void> {
  const { selected: name, save } = useGoldenSetStore.getState();
  if (await save(overwrite)) useToastStore.getState().show('info', i18next.t('quality.editor.saved', { name }));
}

/** A golden set's questions as an editable table: add and remove rows, save to evals/<name>.jsonl. */
/** Questions from unhelpful answer feedback that named the article that should have answered. */
async function addFromFeedback(): Promise<void> {
  const name = useGoldenSetStore.getState().selected;
  if (!name) return;
  const res = await call('evals.fromFeedback', { name });
  if (!res.ok) return showError(res.error);
  useToastStore.getState().show('info', i18next.t('quality.editor.fromFeedbackDone', { count: res.data.added }));
  await useGoldenSetStore.getState().open(name);
}

export function SetEditor() {
  const { t } = useTranslation();
  const draft = useGoldenSetStore((s) => s.draft);
  const dirty = useGoldenSetStore((s) => s.dirty);
  const saving = useGoldenSetStore((s) => s.saving);
  const valid = draftValid(draft);

  return (
    <section className="quality-section" data-testid="set-editor" aria-label={t('quality.tabs.questions')}>
      <Conflict />
      <Problems />
      {draft.length === 0 ? (
        <p className="muted" data-testid="questions-empty">
          {t('quality.editor.empty')}
        </p>
      ) : (
        <table className="quality-table question-table">
          <thead>
            <tr>
              <th className="num">{t('quality.editor.number')}</th>
              <th>{t('quality.editor.question')}</th>
              <th>{t('quality.editor.expected')}</th>
              <th>{t('quality.editor.handoff')}</th>
              <th>{t('quality.editor.facts')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.map((q, i) => (
              <QuestionRow key={`${i}-${q.id}`} question={q} index={i} />
            ))}
          </tbody>
        </table>
      )}
      <div className="quality-actions sticky">
        <button type="button" onClick={() => useGoldenSetStore.getState().add()}>
          {t('quality.editor.add')}
        </button>
        <button
          type="button"
          disabled={dirty}
          title={t('quality.editor.fromFeedbackHint')}
          onClick={() => void addFromFeedback()}
        >
          {t('quality.editor.fromFeedback')}
        </button>
        <span className="spacer" />
        {dirty && !valid && <span className="quality-invalid">{t('quality.editor.needText')}</span>}
        {dirty && valid && (
          <span className="muted" data-testid="unsaved">
            {t('quality.editor.unsaved')}
          </span>
        )}
        {dirty && (
          <button type="button" onClick={() => useGoldenSetStore.getState().discard()}>
            {t('quality.editor.discard')}
          </button>
        )}
        <button
          type="button"
          className="primary"
          disabled={!dirty || !valid || saving}
          onClick={() => void saveDraft()}
        >
          {t('quality.editor.save')}
        </button>
      </div>
    </section>
  );
}
