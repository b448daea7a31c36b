import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentProfileMeta, HandoffSuggestion } from '../../main/api/index.js';
import { call } from '../api/client';
import { useToastStore } from '../stores/useToastStore';
import { useProfileStore } from './useProfileStore';

/** The hand-off topics with the chosen wordings added to their example phrasings (each once). */
function withExamples(meta: AgentProfileMeta, chosen: HandoffSuggestion[]): AgentProfileMeta['handoff'] {
  return meta.handoff.map((intent) => {
    const mine = chosen.filter((s) => s.topic === intent.topic);
    if (mine.length === 0) return intent;
    const examples = { ...intent.examples };
    for (const s of mine) {
      const list = examples[s.locale] ?? [];
      if (!list.some((e) => e.toLowerCase() === s.phrasing.toLowerCase())) examples[s.locale] = [...list, s.phrasing];
    }
    return { ...intent, examples };
  });
}

/**
 * Wordings readers marked "a person should have taken this" in the Preview that the profile still
 * misses: added as example phrasings in one click, then saved and reviewed like any profile change.
 */
export function HandoffSuggestions() {
  const { t } = useTranslation();
  const meta = useProfileStore((s) => s.meta);
  const [suggestions, setSuggestions] = useState<HandoffSuggestion[]>([]);
  const [skipped, setSkipped] = useState<Set<number>>(new Set());

  useEffect(() => {
    let live = true;
    void call('profile.suggestions', {}).then((res) => live && res.ok && setSuggestions(res.data));
    return () => {
      live = false;
    };
  }, []);

  if (!meta || suggestions.length === 0) return null;
  const chosen = suggestions.filter((_, i) => !skipped.has(i));
  const add = () => {
    useProfileStore.getState().edit({ handoff: withExamples(meta, chosen) });
    setSuggestions([]);
    useToastStore.getState().show('info', t('profile.suggestions.added', { count: chosen.length }));
  };

  return (
    <section
      className="banner profile-suggestions"
      data-testid="handoff-suggestions"
      aria-label={t('profile.suggestions.title')}
    >
      <strong>{t('profile.suggestions.title')}</strong>
      <p className="muted">{t('profile.suggestions.intro')}</p>
      <ul>
        {suggestions.map((s, i) => (
          <li key={`${s.topic}-${s.phrasing}`}>
            <label>
              <input
                type="checkbox"
                checked={!skipped.has(i)}
                onChange={(e) => {
                  const next = new Set(skipped);
                  if (e.target.checked) next.delete(i);
                  else next.add(i);
                  setSkipped(next);
                }}
              />{' '}
              <span className="mono">{s.topic}</span> · “{s.phrasing}”
              {s.count > 1 && <span className="muted"> ({t('profile.suggestions.times', { count: s.count })})</span>}
            </label>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" disabled={chosen.length === 0} onClick={add}>
        {t('profile.suggestions.add', { count: chosen.length })}
      </button>
    </section>
  );
}
