import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';
import { previewEn, previewZh } from '../answer/i18n';
import { profileEn, profileZh } from '../profile/i18n';
import { publishEn, publishZh } from '../publish/i18n';
import { insightsEn, insightsZh } from '../insights/i18n';
import { qualityEn, qualityZh } from '../quality/i18n';
import { teamEn, teamZh } from '../team/i18n';

export const languages = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '中文' },
] as const;

const storageKey = 'almanac.language';

function initialLanguage(): string {
  const saved = localStorage.getItem(storageKey);
  if (saved && languages.some((l) => l.code === saved)) return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: {
    en: {
      translation: {
        ...en,
        preview: previewEn,
        profile: profileEn,
        publish: publishEn,
        insights: insightsEn,
        quality: qualityEn,
        team: teamEn,
      },
    },
    'zh-CN': {
      translation: {
        ...zhCN,
        preview: previewZh,
        profile: profileZh,
        publish: publishZh,
        insights: insightsZh,
        quality: qualityZh,
        team: teamZh,
      },
    },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
document.documentElement.lang = i18next.language;

export function setLanguage(code: string): void {
  localStorage.setItem(storageKey, code);
  document.documentElement.lang = code;
  void i18next.changeLanguage(code);
}

export { i18next };
