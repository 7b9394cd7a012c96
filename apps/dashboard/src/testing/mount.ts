import type { DisplayLocale } from '@ioc/domain/browser';
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import type { Component } from 'vue';
import { createAppI18n } from '@/i18n';

/** Mounts a panel with the app's i18n, in Vietnamese unless told. */
export function mountWithI18n<T extends Component>(
  component: T,
  options: ComponentMountingOptions<T> = {},
  locale: DisplayLocale = 'vi',
) {
  const i18n = createAppI18n(locale);
  return mount(component, {
    ...options,
    global: { ...options.global, plugins: [i18n, ...(options.global?.plugins ?? [])] },
  });
}
