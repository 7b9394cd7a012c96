import { LocalClock } from '@ioc/domain';
import { nextFreezeAt } from './briefing.scheduler';

const clock = new LocalClock('Asia/Ho_Chi_Minh');
const at = (local: string) => Date.parse(`${local}+07:00`);
const iso = (instant: number) => new Date(instant).toISOString();

describe('BriefingScheduler', () => {
  it('freezes on the next Monday at 00:05 local time', () => {
    expect(iso(nextFreezeAt(at('2026-11-25T10:00:00'), clock))).toBe('2026-11-29T17:05:00.000Z');
    // Sunday 23:59 local (16:59 UTC, already Sunday's end in Vietnam): five minutes later.
    expect(iso(nextFreezeAt(at('2026-11-29T23:59:00'), clock))).toBe('2026-11-29T17:05:00.000Z');
    expect(iso(nextFreezeAt(at('2026-11-30T00:04:59'), clock))).toBe('2026-11-29T17:05:00.000Z');
  });

  it('waits a week once Monday 00:05 has passed', () => {
    expect(iso(nextFreezeAt(at('2026-11-30T00:05:00'), clock))).toBe('2026-12-06T17:05:00.000Z');
    expect(iso(nextFreezeAt(at('2026-12-28T08:00:00'), clock))).toBe('2027-01-03T17:05:00.000Z');
  });
});
