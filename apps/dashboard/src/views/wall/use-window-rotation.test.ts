import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { mount } from '@vue/test-utils';
import type { WindowName } from '@ioc/domain/browser';
import { useWindowRotation, wallSettings } from './use-window-rotation';

function harness(rotateSeconds: number) {
  const current = ref<WindowName>('today');
  let rotation!: ReturnType<typeof useWindowRotation>;
  const wrapper = mount(
    defineComponent({
      setup() {
        rotation = useWindowRotation(current, (window) => (current.value = window), rotateSeconds);
        return () => h('div');
      },
    }),
  );
  return { current, rotation: () => rotation, wrapper };
}

describe('window rotation', () => {
  it('reads its settings from the URL', () => {
    expect(wallSettings({})).toEqual({ rotateSeconds: 30, window: 'today' });
    expect(wallSettings({ rotate: '0', window: 'year' })).toEqual({
      rotateSeconds: 0,
      window: 'year',
    });
    expect(wallSettings({ rotate: 'x', window: 'decade' })).toEqual({
      rotateSeconds: 30,
      window: 'today',
    });
  });

  it('rotates today → week → month → year → today on its timer', () => {
    vi.useFakeTimers();
    try {
      const { current, wrapper } = harness(30);
      const seen = [current.value];
      for (let i = 0; i < 4; i++) {
        vi.advanceTimersByTime(30_000);
        seen.push(current.value);
      }
      expect(seen).toEqual(['today', 'week', 'month', 'year', 'today']);
      wrapper.unmount();
      vi.advanceTimersByTime(60_000);
      expect(current.value).toBe('today');
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives a manual choice its full time, and can pause', () => {
    vi.useFakeTimers();
    try {
      const { current, rotation } = harness(30);
      vi.advanceTimersByTime(20_000);
      rotation().choose('month');
      vi.advanceTimersByTime(20_000);
      expect(current.value).toBe('month');
      vi.advanceTimersByTime(10_000);
      expect(current.value).toBe('year');
      rotation().togglePause();
      vi.advanceTimersByTime(120_000);
      expect(current.value).toBe('year');
      rotation().previous();
      expect(current.value).toBe('month');
    } finally {
      vi.useRealTimers();
    }
  });

  it('stays put when rotation is off', () => {
    vi.useFakeTimers();
    try {
      const { current } = harness(0);
      vi.advanceTimersByTime(600_000);
      expect(current.value).toBe('today');
    } finally {
      vi.useRealTimers();
    }
  });
});
