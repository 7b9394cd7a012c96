import { describe, expect, it } from 'vitest';
import { freshnessAt, trueAt } from './freshness';

describe('freshnessAt', () => {
  const now = 1_000_000;

  it('waits before the first data', () => {
    expect(freshnessAt(now, { lastDataAt: null, downSince: null })).toBe('waiting');
  });

  it('is live until 15 s after the last data (a 10 s heartbeat and slack), then amber', () => {
    expect(freshnessAt(now, { lastDataAt: now - 10_000, downSince: null })).toBe('live');
    expect(freshnessAt(now, { lastDataAt: now - 14_999, downSince: null })).toBe('live');
    expect(freshnessAt(now, { lastDataAt: now - 15_000, downSince: null })).toBe('stale');
  });

  it('turns amber at once when the link drops, red after 30 s', () => {
    expect(freshnessAt(now, { lastDataAt: now - 1_000, downSince: now - 500 })).toBe('stale');
    expect(freshnessAt(now, { lastDataAt: now - 1_000, downSince: now - 29_999 })).toBe('stale');
    expect(freshnessAt(now, { lastDataAt: now - 1_000, downSince: now - 30_000 })).toBe('cut');
    expect(freshnessAt(now, { lastDataAt: null, downSince: now - 1_000 })).toBe('stale');
  });

  it('turns red when data stops for 45 s even with the link up', () => {
    expect(freshnessAt(now, { lastDataAt: now - 44_999, downSince: null })).toBe('stale');
    expect(freshnessAt(now, { lastDataAt: now - 45_000, downSince: null })).toBe('cut');
  });
});

describe('trueAt', () => {
  it('is the receipt time while the figures follow the events', () => {
    const summary = { asOf: '2026-11-21T03:42:05.000Z', computedAt: '2026-11-21T03:42:05.000Z' };
    expect(trueAt(summary, 1_000_000)).toBe(1_000_000);
  });

  it('takes the lag of the figures off, so a held-up projection turns the wall amber, then red', () => {
    const lagging = { asOf: '2026-11-21T03:41:45.000Z', computedAt: '2026-11-21T03:42:05.000Z' };
    expect(trueAt(lagging, 1_000_000)).toBe(980_000);
    const now = 1_000_000;
    expect(freshnessAt(now, { lastDataAt: trueAt(lagging, now), downSince: null })).toBe('stale');
    const farBehind = { asOf: '2026-11-21T03:41:00.000Z', computedAt: '2026-11-21T03:42:05.000Z' };
    expect(freshnessAt(now, { lastDataAt: trueAt(farBehind, now), downSince: null })).toBe('cut');
  });
});
