import type { DisplayLocale } from '@ioc/domain/browser';
import { createI18n, useI18n } from 'vue-i18n';
import { en } from './en';
import { vi, type Messages } from './vi';

const STORAGE_KEY = 'ioc.locale';

/** Vietnamese unless the URL (`?lang=en`) or an earlier switch says English. */
export function initialLocale(search = globalThis.location?.search ?? ''): DisplayLocale {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (fromUrl === 'vi' || fromUrl === 'en') return fromUrl;
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

export function createAppI18n(locale: DisplayLocale = initialLocale()) {
  return createI18n<[Messages], DisplayLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'vi',
    messages: { vi, en },
  });
}

/** `t` plus the display locale, for the number and date helpers. */
export function useLocale() {
  const i18n = useI18n<{ message: Messages }, DisplayLocale>();
  return {
    t: i18n.t,
    locale: i18n.locale,
    setLocale: (locale: DisplayLocale) => {
      i18n.locale.value = locale;
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
      document.documentElement.lang = locale;
    },
  };
}
