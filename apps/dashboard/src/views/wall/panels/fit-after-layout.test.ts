import { describe, expect, it } from 'vitest';
import { useMeasureAfterLayout, useShortening } from './fit-after-layout';

describe('useMeasureAfterLayout', () => {
  it('measures once after the layout, for the last of the calls made meanwhile', async () => {
    let measured = 0;
    const measure = useMeasureAfterLayout(() => {
      measured++;
      return Promise.resolve();
    });
    const calls = [measure(), measure(), measure()];
    expect(measured).toBe(0);
    await Promise.all(calls);
    expect(measured).toBe(1);
  });
});

describe('useShortening', () => {
  it('drops the fewest things that make it fit, and starts again from none at each fit', async () => {
    let width = 130;
    const { level, fit } = useShortening(3, () => width - 20 * level.value > 100);
    await fit();
    expect(level.value).toBe(2);
    width = 90;
    await fit();
    expect(level.value).toBe(0);
    width = 500;
    await fit();
    // Never past the last step, even when that still does not fit.
    expect(level.value).toBe(3);
  });
});
