import { nextTick, ref, type Ref } from 'vue';
import { afterLayout } from '@/components/after-layout';

/**
 * Runs `measure` once the page has been laid out, so its reads re-lay only the panel's own box
 * (measured inside the update, they forced a layout of the whole page). Of the calls made
 * meanwhile (a new window, a resize and a data change together) only the last one measures.
 */
export function useMeasureAfterLayout(measure: () => Promise<void>): () => Promise<void> {
  let latest = 0;
  return async () => {
    const run = ++latest;
    await afterLayout();
    if (run === latest) await measure();
  };
}

/**
 * The fewest drops, up to `steps`, at which `overflowing()` is false (level 0 says everything,
 * each step drops one more thing that matters least), fitted after the page's layout.
 */
export function useShortening(
  steps: number,
  overflowing: () => boolean,
): { level: Ref<number>; fit: () => Promise<void> } {
  const level = ref(0);
  const fit = useMeasureAfterLayout(async () => {
    level.value = 0;
    await nextTick();
    while (level.value < steps && overflowing()) {
      level.value++;
      await nextTick();
    }
  });
  return { level, fit };
}
