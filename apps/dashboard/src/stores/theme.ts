import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

export type Theme = 'light' | 'dark';
/** The wall (big screen, dark by default) or a laptop page (workspace, briefing, admin: light). */
export type Surface = 'wall' | 'laptop';

const DEFAULT_THEME: Record<Surface, Theme> = { wall: 'dark', laptop: 'light' };
const storageKey = (surface: Surface) => `ioc.theme.${surface}`;

/** A stored or asked-for theme if it is one, else the surface's default. */
export function themeOr(value: unknown, surface: Surface): Theme {
  return value === 'light' || value === 'dark' ? value : DEFAULT_THEME[surface];
}

/**
 * The colour theme of each surface, chosen apart: a chief who darkens their laptop does not
 * lighten the wall. Applied on `<html>` (`data-theme`, and the `laptop` class that gives laptop
 * pages a normal root font size instead of the wall's screen-sized one).
 */
export const useThemeStore = defineStore('theme', () => {
  const surface = ref<Surface>('laptop');
  const chosen = ref<Record<Surface, Theme>>({
    wall: themeOr(globalThis.localStorage?.getItem(storageKey('wall')), 'wall'),
    laptop: themeOr(globalThis.localStorage?.getItem(storageKey('laptop')), 'laptop'),
  });
  const theme = computed(() => chosen.value[surface.value]);

  function apply(): void {
    const root = globalThis.document?.documentElement;
    if (!root) return;
    root.dataset.theme = theme.value;
    root.classList.toggle('laptop', surface.value === 'laptop');
    root.style.colorScheme = theme.value;
  }

  function enter(next: Surface): void {
    surface.value = next;
    apply();
  }

  function choose(next: Theme): void {
    chosen.value = { ...chosen.value, [surface.value]: next };
    globalThis.localStorage?.setItem(storageKey(surface.value), next);
    apply();
  }

  function toggle(): void {
    choose(theme.value === 'light' ? 'dark' : 'light');
  }

  return { surface, theme, enter, choose, toggle };
});
