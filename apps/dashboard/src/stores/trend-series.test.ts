import type { DailyFigures } from '@ioc/domain/browser';
import { describe, expect, it } from 'vitest';
import { summaryFixture } from '@/testing/fixtures';
import { daysForWeeks, weeklyOnTime, withLiveToday } from './trend-series';

const HCM = 'Asia/Ho_Chi_Minh';

const day = (date: string, resolved: number, resolvedOnTime: number): DailyFigures => ({
  date,
  dayOff: null,
  received: 10,
  resolved,
  resolvedOnTime,
  paymentsSucceeded: 1,
  paymentsAmountVnd: 100_000,
});

describe('trend series', () => {
  it('asks for whole weeks starting on a Monday', () => {
    // Saturday 21/11/2026: 8 weeks back plus Monday to Saturday.
    expect(daysForWeeks(Date.parse('2026-11-21T03:00:00Z'), 8, HCM)).toBe(62);
    expect(daysForWeeks(Date.parse('2026-11-16T03:00:00Z'), 8, HCM)).toBe(57);
  });

  it("counts this week's days in the server's zone, not in UTC", () => {
    // Sunday 22/11 20:00 UTC is already Monday 23/11 03:00 in Vietnam, still Sunday in New York.
    const instant = Date.parse('2026-11-22T20:00:00Z');
    expect(daysForWeeks(instant, 8, HCM)).toBe(57);
    expect(daysForWeeks(instant, 8, 'America/New_York')).toBe(63);
  });

  it('groups on-time rates by Monday–Sunday week, a week without resolutions being no data', () => {
    const weeks = weeklyOnTime([
      day('2026-11-08', 10, 10), // Sunday: the week of 2/11
      day('2026-11-09', 10, 9),
      day('2026-11-15', 10, 10),
      day('2026-11-16', 0, 0),
    ]);
    expect(weeks).toEqual([
      { weekStart: '2026-11-02', resolved: 10, resolvedOnTime: 10, onTimeRate: 1 },
      { weekStart: '2026-11-09', resolved: 20, resolvedOnTime: 19, onTimeRate: 0.95 },
      { weekStart: '2026-11-16', resolved: 0, resolvedOnTime: 0, onTimeRate: null },
    ]);
  });

  it("replaces today's figures with the live summary", () => {
    const days = [day('2026-11-20', 5, 5), day('2026-11-21', 1, 1)];
    // "Today" from 17:00 UTC on 20/11: the 21st in Vietnam.
    const today = summaryFixture({ from: '2026-11-20T17:00:00.000Z' });
    const merged = withLiveToday(days, today, HCM);
    expect(merged[0]).toBe(days[0]);
    expect(merged[1]).toEqual({
      date: '2026-11-21',
      received: 561578,
      resolved: 5000,
      resolvedOnTime: 4899,
      paymentsSucceeded: 2048,
      paymentsAmountVnd: 109_456_000_000,
      // Whether the day is worked comes from the calendar, not the summary.
      dayOff: null,
    });
    // A summary of another day leaves the series alone.
    expect(withLiveToday(days, summaryFixture({ from: '2026-11-19T17:00:00.000Z' }), HCM)).toEqual(
      days,
    );
    // So does the same instant read in a zone where it is still the 20th.
    expect(withLiveToday(days, today, 'UTC')).toEqual(days);
  });
});
