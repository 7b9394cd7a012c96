import { describe, expect, it } from 'vitest';
import { CUT_AFTER_DOWN_MS, CUT_AFTER_MS, freshnessAt, STALE_AFTER_MS } from './freshness';

describe('freshnessAt', () => {
  const now = 1_000_000;

  it('waits before the first data', () => {
    expect(freshnessAt(now, { lastDataAt: null, downSince: null })).toBe('waiting');
  });

  it('is live within a heartbeat and a half of the last data', () => {
    expect(freshnessAt(now, { lastDataAt: now - 10_000, downSince: null })).toBe('live');
    expect(freshnessAt(now, { lastDataAt: now - STALE_AFTER_MS, downSince: null })).toBe('stale');
  });

  it('turns amber at once when the link drops, red after 30 s', () => {
    expect(freshnessAt(now, { lastDataAt: now - 1_000, downSince: now - 500 })).toBe('stale');
    expect(freshnessAt(now, { lastDataAt: now - 1_000, downSince: now - CUT_AFTER_DOWN_MS })).toBe(
      'cut',
    );
    expect(freshnessAt(now, { lastDataAt: null, downSince: now - 1_000 })).toBe('stale');
  });

  it('turns red when data stops for 45 s even with the link up', () => {
    expect(freshnessAt(now, { lastDataAt: now - CUT_AFTER_MS, downSince: null })).toBe('cut');
  });
});
