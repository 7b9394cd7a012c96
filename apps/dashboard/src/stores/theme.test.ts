import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { themeOr, useThemeStore } from './theme';

describe('theme store', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.className = '';
    setActivePinia(createPinia());
  });

  it('is light on laptop pages and dark on the wall by default', () => {
    const theme = useThemeStore();
    theme.enter('laptop');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(document.documentElement.classList.contains('laptop')).toBe(true);
    theme.enter('wall');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.classList.contains('laptop')).toBe(false);
  });

  it('keeps each surface its own choice, across reloads', () => {
    const theme = useThemeStore();
    theme.enter('laptop');
    theme.toggle();
    expect(theme.theme).toBe('dark');
    theme.enter('wall');
    expect(theme.theme).toBe('dark');
    theme.toggle();
    expect(theme.theme).toBe('light');

    setActivePinia(createPinia());
    const reloaded = useThemeStore();
    reloaded.enter('laptop');
    expect(reloaded.theme).toBe('dark');
    reloaded.enter('wall');
    expect(reloaded.theme).toBe('light');
  });

  it('ignores what is not a theme', () => {
    expect(themeOr('purple', 'laptop')).toBe('light');
    expect(themeOr(null, 'wall')).toBe('dark');
  });
});
