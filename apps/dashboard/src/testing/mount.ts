import type { DisplayLocale } from '@ioc/domain/browser';
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia } from 'pinia';
import type { Component } from 'vue';
import { createAppI18n } from '@/i18n';
import { useDisplayZoneStore } from '@/stores/display-zone';

/**
 * Mounts a panel with the app's i18n, in Vietnamese unless told, and the server's display zone
 * as it would have come from GET /client-config (null: not known yet).
 */
export function mountWithI18n<T extends Component>(
  component: T,
  options: ComponentMountingOptions<T> = {},
  locale: DisplayLocale = 'vi',
  zone: string | null = 'Asia/Ho_Chi_Minh',
) {
  const i18n = createAppI18n(locale);
  const pinia = createPinia();
  useDisplayZoneStore(pinia).zone = zone;
  return mount(component, {
    ...options,
    global: { ...options.global, plugins: [i18n, pinia, ...(options.global?.plugins ?? [])] },
  });
}
