import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentProfileMeta } from '../../main/api/index.js';
import { useWorkspaceStore } from '../stores/useWorkspaceStore';
import { FieldProblems } from './FieldProblems';
import { IntentListEditor } from './IntentEditor';
import { PhraseListInput } from './PhraseListInput';
import { ProfileInstructionsEditor } from './ProfileInstructionsEditor';
import { profileLocales } from './profileMeta';
import { useProfileStore } from './useProfileStore';

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="profile-section" aria-labelledby={`profile-${id}`} data-testid={`section-${id}`}>
      <h2 id={`profile-${id}`}>{title}</h2>
      {hint && <p className="muted section-hint">{hint}</p>}
      {children}
    </section>
  );
}

function TextField({
  label,
  field,
  value,
  onChange,
}: {
  label: string;
  field: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label className="field" data-field={field}>
      <span>{label}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} />
      <FieldProblems field={field} />
    </label>
  );
}

function NumberField({
  label,
  field,
  value,
  onChange,
  ...range
}: {
  label: string;
  field: string;
  value: number;
  onChange: (v: number) => void;
  min: number;
  step: number;
}) {
  return (
    <label className="field" data-field={field}>
      <span>{label}</span>
      <input
        type="number"
        {...range}
        value={Number.isFinite(value) ? value : ''}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
      <FieldProblems field={field} />
    </label>
  );
}

/** Every part of the agent profile as a form: identity, answering, scope, hand-off and instructions. */
export function ProfileForm({ meta }: { meta: AgentProfileMeta }) {
  const { t } = useTranslation();
  const edit = useProfileStore((s) => s.edit);
  const workspaceLocales = useWorkspaceStore((s) => s.info?.locales);
  const locales = profileLocales(meta, workspaceLocales, Object.keys(meta.handoffMessage));
  const confidence = Number.isFinite(meta.minConfidence) ? meta.minConfidence : 0;
  return (
    <div className="profile-form">
      <Section id="identity" title={t('profile.identity.title')}>
        <div className="profile-grid identity-grid">
          <TextField
            label={t('profile.identity.name')}
            field="name"
            value={meta.name}
            onChange={(name) => edit({ name })}
          />
          <TextField
            label={t('profile.identity.role')}
            field="role"
            value={meta.role}
            onChange={(role) => edit({ role })}
          />
        </div>
        <label className="field" data-field="tone">
          <span>{t('profile.identity.tone')}</span>
          <textarea rows={2} value={meta.tone} onChange={(e) => edit({ tone: e.target.value })} />
          <FieldProblems field="tone" />
        </label>
        <PhraseListInput
          label={t('profile.identity.languages')}
          hint={t('profile.identity.languagesHint')}
          addLabel={t('profile.identity.addLanguage')}
          values={meta.languages}
          onChange={(languages) => edit({ languages })}
          field="languages"
        />
      </Section>

      <Section id="answering" title={t('profile.answering.title')}>
        <div className="field" data-field="minConfidence">
          <label htmlFor="profile-min-confidence">{t('profile.answering.minConfidence')}</label>
          <div className="confidence">
            <input
              type="range"
              min={0}
              max={1}
              step={0.01}
              aria-label={`${t('profile.answering.minConfidence')} (slider)`}
              value={confidence}
              onChange={(e) => edit({ minConfidence: e.target.valueAsNumber })}
            />
            <input
              id="profile-min-confidence"
              type="number"
              min={0}
              max={1}
              step={0.01}
              value={Number.isFinite(meta.minConfidence) ? meta.minConfidence : ''}
              onChange={(e) => edit({ minConfidence: e.target.valueAsNumber })}
            />
          </div>
          <small>{t('profile.answering.minConfidenceHint')}</small>
          <FieldProblems field="minConfidence" />
        </div>
        <label className="field" data-field="lowConfidence">
          <span>{t('profile.answering.lowConfidence')}</span>
          <select
            value={meta.lowConfidence}
            onChange={(e) => edit({ lowConfidence: e.target.value as 'handoff' | 'suggest' })}
          >
            <option value="handoff">{t('profile.answering.lowConfidenceHandoff')}</option>
            <option value="suggest">{t('profile.answering.lowConfidenceSuggest')}</option>
          </select>
        </label>
        <label className="field checkbox-field" data-field="modelHandoffCheck">
          <span>
            <input
              type="checkbox"
              checked={meta.modelHandoffCheck}
              onChange={(e) => edit({ modelHandoffCheck: e.target.checked })}
            />{' '}
            {t('profile.answering.modelHandoffCheck')}
          </span>
          <small>{t('profile.answering.modelHandoffCheckHint')}</small>
        </label>
        <div className="profile-grid">
          <NumberField
            label={t('profile.answering.words')}
            field="answerLength.words"
            min={10}
            step={10}
            value={meta.answerLength.words}
            onChange={(words) => edit({ answerLength: { ...meta.answerLength, words } })}
          />
          <NumberField
            label={t('profile.answering.characters')}
            field="answerLength.characters"
            min={20}
            step={10}
            value={meta.answerLength.characters}
            onChange={(characters) => edit({ answerLength: { ...meta.answerLength, characters } })}
          />
        </div>
      </Section>

      <Section id="scope" title={t('profile.scope.title')}>
        <PhraseListInput
          label={t('profile.scope.in')}
          hint={t('profile.scope.inHint')}
          addLabel={t('profile.scope.addIn')}
          values={meta.scope.in}
          onChange={(inScope) => edit({ scope: { ...meta.scope, in: inScope } })}
          field="scope.in"
        />
        <h3>{t('profile.scope.out')}</h3>
        <p className="muted section-hint">{t('profile.scope.outHint')}</p>
        <IntentListEditor list="out" intents={meta.scope.out} locales={locales} />
      </Section>

      <Section id="handoff" title={t('profile.handoff.title')} hint={t('profile.handoff.hint')}>
        <IntentListEditor list="handoff" intents={meta.handoff} locales={locales} />
      </Section>

      <Section id="handoff-message" title={t('profile.handoff.message')} hint={t('profile.handoff.messageHint')}>
        {locales.map((locale) => (
          <label key={locale} className="field" data-field={`handoffMessage.${locale}`}>
            <span>{t('profile.handoff.messageFor', { locale })}</span>
            <textarea
              lang={locale}
              rows={2}
              value={meta.handoffMessage[locale] ?? ''}
              onChange={(e) => edit({ handoffMessage: { ...meta.handoffMessage, [locale]: e.target.value } })}
            />
            <FieldProblems field={`handoffMessage.${locale}`} />
          </label>
        ))}
      </Section>

      <Section id="instructions" title={t('profile.instructions.title')} hint={t('profile.instructions.hint')}>
        <ProfileInstructionsEditor />
      </Section>
    </div>
  );
}
