import { describe, expect, it } from 'vitest';
import { previousStillFits, previousWindowParams } from './previous-window';

describe('the previous period', () => {
  it('is the window of the same length just before', () => {
    expect(previousWindowParams('2026-11-20T17:00:00.000Z', '2026-11-21T05:00:00.000Z')).toEqual({
      from: '2026-11-20T05:00:00.000Z',
      to: '2026-11-20T17:00:00.000Z',
    });
  });

  it('is read again only once the live window has grown 2 % (at least a minute) longer', () => {
    // Today from midnight (17:00 UTC) to 05:00: 12 hours; its previous period read then.
    const previous = previousWindowParams('2026-11-20T17:00:00.000Z', '2026-11-21T05:00:00.000Z');
    const today = (to: string) => ({ from: '2026-11-20T17:00:00.000Z', to });
    // 2 % of 12 hours is 14.4 minutes.
    expect(previousStillFits(previous, today('2026-11-21T05:14:00.000Z'))).toBe(true);
    expect(previousStillFits(previous, today('2026-11-21T05:15:00.000Z'))).toBe(false);
    // A new day: the previous period no longer ends where the window begins.
    expect(
      previousStillFits(previous, {
        from: '2026-11-21T17:00:00.000Z',
        to: '2026-11-21T17:00:30.000Z',
      }),
    ).toBe(false);
    // Ten minutes after midnight, a minute's growth is still fair enough.
    const early = previousWindowParams('2026-11-20T17:00:00.000Z', '2026-11-20T17:10:00.000Z');
    expect(previousStillFits(early, today('2026-11-20T17:11:00.000Z'))).toBe(true);
    expect(previousStillFits(early, today('2026-11-20T17:11:01.000Z'))).toBe(false);
  });
});
