import { WINDOWS, type WindowName } from '@ioc/domain/browser';
import { onBeforeUnmount, ref, type Ref } from 'vue';

export interface WallSettings {
  /** Seconds between automatic window switches; 0 turns rotation off. */
  rotateSeconds: number;
  window: WindowName;
}

/** `?rotate=30` (seconds, 0 = off) and `?window=week` from the wall's URL. */
export function wallSettings(query: Record<string, unknown>): WallSettings {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const rotate = Number.parseInt(text(query.rotate), 10);
  const window = text(query.window);
  return {
    rotateSeconds: Number.isFinite(rotate) && rotate >= 0 ? Math.min(rotate, 3_600) : 30,
    window: (WINDOWS as readonly string[]).includes(window) ? (window as WindowName) : 'today',
  };
}

/**
 * Today → week → month → year and round again on a timer; a manual switch (keys, buttons)
 * restarts the count so the chosen window stays its full time.
 */
export function useWindowRotation(
  current: Ref<WindowName>,
  select: (window: WindowName) => void,
  rotateSeconds: number,
) {
  const paused = ref(rotateSeconds === 0);
  /** Bumped at every (re)start of the count, so a progress bar can restart its animation. */
  const cycle = ref(0);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule(): void {
    clearTimeout(timer);
    cycle.value++;
    if (paused.value) return;
    timer = setTimeout(() => {
      select(step(1));
      schedule();
    }, rotateSeconds * 1_000);
  }

  function step(offset: number): WindowName {
    const index = WINDOWS.indexOf(current.value);
    return WINDOWS[(index + offset + WINDOWS.length) % WINDOWS.length];
  }

  function choose(window: WindowName): void {
    select(window);
    schedule();
  }

  function togglePause(): void {
    if (rotateSeconds === 0) return;
    paused.value = !paused.value;
    schedule();
  }

  schedule();
  onBeforeUnmount(() => clearTimeout(timer));

  return {
    paused,
    cycle,
    rotateSeconds,
    choose,
    next: () => choose(step(1)),
    previous: () => choose(step(-1)),
    togglePause,
  };
}
