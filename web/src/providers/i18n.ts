import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en';
import { LOCALES, type Locale } from '../locales/types';
import zhCN from '../locales/zh-CN';

const STORAGE_KEY = 'shenguan.locale';

export function storedLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LOCALES.find((l) => l === saved) ?? 'zh-CN';
}

export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  showSupportNotice: false, // no advertisement in the console
});

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export default i18n;
