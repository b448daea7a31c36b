import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountLimits } from './AmountLimits';
import { ExampleList } from './ExampleList';
import { FieldProblems } from './FieldProblems';
import { PhraseListInput } from './PhraseListInput';
import { intentPath, type Intent, type IntentList } from './profileMeta';
import { useFieldProblems, useProfileStore } from './useProfileStore';

/** One hand-off or out-of-scope topic, folded to its id and rule until opened. */
export function IntentEditor({
  list,
  index,
  intent,
  locales,
  defaultOpen,
}: {
  list: IntentList;
  index: number;
  intent: Intent;
  locales: string[];
  defaultOpen?: boolean;
}) {
  const { t } = useTranslation();
  const editIntent = useProfileStore((s) => s.editIntent);
  const removeIntent = useProfileStore((s) => s.removeIntent);
  const path = (field?: string) => intentPath(list, index, field);
  const hasProblems = useFieldProblems(path()).length > 0;
  const [open, setOpen] = useState(!!defaultOpen);
  const set = (patch: Partial<Intent>) => editIntent(list, index, patch);
  const exampleLocales = [...new Set([...locales, ...Object.keys(intent.examples)])];
  const remove = () => {
    const topic = intent.topic || t('profile.intent.untitled');
    if (window.confirm(t('profile.intent.confirmRemove', { topic }))) removeIntent(list, index);
  };
  return (
    <details
      className={`intent${hasProblems ? ' has-problems' : ''}`}
      open={open || hasProblems}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="intent"
      data-topic={intent.topic}
    >
      <summary>
        <code className="intent-topic">{intent.topic || t('profile.intent.untitled')}</code>
        <span className="intent-rule">{intent.rule}</span>
        <span className="muted">{t('profile.intent.summary', { count: intent.keywords.length })}</span>
      </summary>
      <div className="intent-body">
        <div className="intent-head">
          <label className="field" data-field={path('topic')}>
            <span>
              {t('profile.intent.topic')} <small>({t('profile.intent.topicHint')})</small>
            </span>
            <input value={intent.topic} onChange={(e) => set({ topic: e.target.value })} />
            <FieldProblems field={path('topic')} />
          </label>
          <label className="field intent-rule-field" data-field={path('rule')}>
            <span>{t('profile.intent.rule')}</span>
            <textarea rows={2} value={intent.rule} onChange={(e) => set({ rule: e.target.value })} />
            <FieldProblems field={path('rule')} />
          </label>
        </div>
        <PhraseListInput
          label={t('profile.intent.keywords')}
          hint={t('profile.intent.keywordsHint')}
          addLabel={t('profile.intent.addKeyword')}
          values={intent.keywords}
          onChange={(keywords) => set({ keywords })}
          field={path('keywords')}
        />
        <PhraseListInput
          label={t('profile.intent.except')}
          hint={t('profile.intent.exceptHint')}
          addLabel={t('profile.intent.addExcept')}
          values={intent.except}
          onChange={(except) => set({ except })}
          field={path('except')}
        />
        <div className="example-columns">
          {exampleLocales.map((locale) => (
            <ExampleList
              key={locale}
              locale={locale}
              values={intent.examples[locale] ?? []}
              onChange={(values) => set({ examples: { ...intent.examples, [locale]: values } })}
              field={path(`examples.${locale}`)}
            />
          ))}
        </div>
        <div className="amount-columns">
          <AmountLimits
            value={intent.amountAbove}
            onChange={(amountAbove) => set({ amountAbove })}
            field={path('amountAbove')}
          />
          <PhraseListInput
            label={t('profile.intent.amountWords')}
            hint={t('profile.intent.amountWordsHint')}
            addLabel={t('profile.intent.addAmountWord')}
            values={intent.amountWords}
            onChange={(amountWords) => set({ amountWords })}
            field={path('amountWords')}
          />
        </div>
        {list === 'handoff' && (
          <div className="amount-columns">
            <label className="field" data-field={path('risk')}>
              <span>
                {t('profile.intent.risk')} <small>({t('profile.intent.riskHint')})</small>
              </span>
              <select
                value={intent.risk}
                onChange={(e) => set({ risk: e.target.value === 'high' ? 'high' : 'normal' })}
              >
                <option value="normal">{t('profile.intent.riskNormal')}</option>
                <option value="high">{t('profile.intent.riskHigh')}</option>
              </select>
              <FieldProblems field={path('risk')} />
            </label>
            <PhraseListInput
              label={t('profile.intent.articles')}
              hint={t('profile.intent.articlesHint')}
              addLabel={t('profile.intent.addArticle')}
              values={intent.articles}
              onChange={(articles) => set({ articles })}
              field={path('articles')}
            />
          </div>
        )}
        <button type="button" className="danger" onClick={remove}>
          {t('profile.intent.remove')}
        </button>
      </div>
    </details>
  );
}

/** A list of topics with an Add button; a new topic opens ready to fill in. */
export function IntentListEditor({
  list,
  intents,
  locales,
}: {
  list: IntentList;
  intents: Intent[];
  locales: string[];
}) {
  const { t } = useTranslation();
  const keys = useProfileStore((s) => s.keys[list]);
  const addIntent = useProfileStore((s) => s.addIntent);
  return (
    <div className="intent-list" data-testid={`intents-${list}`}>
      {intents.map((intent, i) => (
        <IntentEditor
          key={keys[i] ?? `i${i}`}
          list={list}
          index={i}
          intent={intent}
          locales={locales}
          defaultOpen={!intent.topic}
        />
      ))}
      <button type="button" onClick={() => addIntent(list)}>
        + {t('profile.intent.add')}
      </button>
      <FieldProblems field={list === 'handoff' ? 'handoff' : 'scope.out'} />
    </div>
  );
}
