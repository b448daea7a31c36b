import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Dialog } from '../shell/Dialog';
import { showError, useToastStore } from '../stores/useToastStore';
import { ArticlePicker } from './ArticlePicker';
import { setNamePattern, useGoldenSetStore } from './useGoldenSetStore';
import './quality.css';

/** Keep a previewed question as a golden test: the set, the question, the articles that should answer it, hand-off. */
export function SaveAsTestDialog({
  question: asked,
  expected: cited,
  handoff: handedOff,
  onClose,
}: {
  question: string;
  expected: string[];
  handoff: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const sets = useGoldenSetStore((s) => s.sets);
  const [name, setName] = useState('golden');
  const [question, setQuestion] = useState(asked);
  const [expected, setExpected] = useState(cited);
  const [handoff, setHandoff] = useState(handedOff);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const nameValid = setNamePattern.test(name.trim());
  const valid = nameValid && question.trim().length > 0;

  useEffect(() => {
    void useGoldenSetStore.getState().load();
  }, []);

  const save = async () => {
    const set = name.trim();
    setBusy(true);
    const res = await call('evals.add', { name: set, question: { question: question.trim(), expected, handoff } });
    setBusy(false);
    if (!res.ok) return showError(res.error);
    useToastStore.getState().show('info', t('quality.saveTest.saved', { name: set }));
    const store = useGoldenSetStore.getState();
    void store.load();
    if (store.selected === set && !store.dirty) void store.open(set);
    onClose();
  };

  return (
    <Dialog title={t('quality.saveTest.title')} onClose={onClose} wide>
      <form
        className="save-test"
        data-testid="save-test"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void save();
        }}
      >
        <div className="field">
          <label htmlFor={`${listId}-name`}>{t('quality.saveTest.set')}</label>
          <input
            id={`${listId}-name`}
            autoFocus
            list={listId}
            value={name}
            maxLength={100}
            aria-describedby={`${listId}-hint`}
            aria-invalid={!nameValid || undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <datalist id={listId}>
            {sets?.map((s) => (
              <option key={s.name} value={s.name} />
            ))}
          </datalist>
          <small id={`${listId}-hint`} className={nameValid ? undefined : 'quality-invalid'}>
            {nameValid ? t('quality.saveTest.setHint') : t('quality.newSet.badName')}
          </small>
        </div>
        <div className="field">
          <label htmlFor={`${listId}-question`}>{t('quality.saveTest.question')}</label>
          <textarea
            id={`${listId}-question`}
            rows={2}
            maxLength={4000}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
        </div>
        <div className="field">
          <span>{t('quality.saveTest.expected')}</span>
          <ArticlePicker label={t('quality.saveTest.expected')} ids={expected} onChange={setExpected} />
        </div>
        <label className="inline-check field-check">
          <input type="checkbox" checked={handoff} onChange={(e) => setHandoff(e.target.checked)} />
          {t('quality.saveTest.handoff')}
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('quality.saveTest.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !valid}>
            {t('quality.saveTest.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
