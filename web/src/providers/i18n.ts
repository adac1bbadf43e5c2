import type { Locale as AntdLocale } from 'antd/es/locale';
import antdZhCN from 'antd/locale/zh_CN';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import { LOCALES, type Locale, type Messages } from '@/locales/types';
import zhBase from '@/locales/zh-CN/base';

const STORAGE_KEY = 'shenguan.locale';

export function storedLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LOCALES.find((l) => l === saved) ?? 'zh-CN';
}

// zh-CN's base is in the entry chunk; English (the app's and Ant Design's messages) is a chunk of its
// own, loaded when chosen, so the sign-in page does not carry both catalogues.
const antdLocales: Partial<Record<Locale, AntdLocale>> = { 'zh-CN': antdZhCN };
const loaders: Record<Exclude<Locale, 'zh-CN'>, () => Promise<{ messages: Messages; antd: AntdLocale }>> = {
  en: async () => {
    const [messages, antd] = await Promise.all([import('@/locales/en'), import('antd/locale/en_US')]);
    return { messages: messages.default, antd: antd.default };
  },
};

let consoleMessages: Promise<void> | undefined;

/**
 * The zh-CN sections only the console and the public list use (coordination, statistics,
 * linkage…): a chunk of their own, so the sign-in page does not carry them. Routes that need
 * them await this before they render (app/routes.tsx).
 */
export function loadConsoleMessages(): Promise<void> {
  consoleMessages ??= import('@/locales/zh-CN/console').then((loaded) => {
    i18n.addResourceBundle('zh-CN', 'translation', loaded.default, true, true);
  });
  return consoleMessages;
}

/** Ant Design's messages for a loaded locale (zh-CN until another one has loaded). */
export function antdLocale(locale: string): AntdLocale {
  return antdLocales[locale as Locale] ?? antdZhCN;
}

/** Loads a locale's catalogues if needed, then switches the app to it. */
export async function switchLocale(locale: Locale): Promise<void> {
  if (locale !== 'zh-CN' && !i18n.hasResourceBundle(locale, 'translation')) {
    const loaded = await loaders[locale]();
    i18n.addResourceBundle(locale, 'translation', loaded.messages);
    antdLocales[locale] = loaded.antd;
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  void switchLocale(locale);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhBase } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  showSupportNotice: false, // no advertisement in the console
});

if (typeof document !== 'undefined') document.documentElement.lang = 'zh-CN';
if (storedLocale() !== 'zh-CN') void switchLocale(storedLocale());

export default i18n;
