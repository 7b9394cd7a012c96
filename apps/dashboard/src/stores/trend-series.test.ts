import type { DailyFigures } from '@ioc/domain/browser';
import { describe, expect, it } from 'vitest';
import { summaryFixture } from '@/testing/fixtures';
import { daysForWeeks, localDay, weeklyOnTime, withLiveToday } from './trend-series';

const day = (date: string, resolved: number, resolvedOnTime: number): DailyFigures => ({
  date,
  received: 10,
  resolved,
  resolvedOnTime,
  paymentsSucceeded: 1,
  paymentsAmountVnd: 100_000,
});

describe('trend series', () => {
  it('takes local days in Asia/Ho_Chi_Minh', () => {
    expect(localDay(Date.parse('2026-11-20T17:30:00Z'))).toBe('2026-11-21');
  });

  it('asks for whole weeks starting on a Monday', () => {
    // Saturday 21/11/2026: 8 weeks back plus Monday to Saturday.
    expect(daysForWeeks(Date.parse('2026-11-21T03:00:00Z'), 8)).toBe(62);
    expect(daysForWeeks(Date.parse('2026-11-16T03:00:00Z'), 8)).toBe(57);
  });

  it('groups on-time rates by Monday–Sunday week, a week without resolutions being no data', () => {
    const weeks = weeklyOnTime([
      day('2026-11-08', 10, 10), // Sunday: the week of 2/11
      day('2026-11-09', 10, 9),
      day('2026-11-15', 10, 10),
      day('2026-11-16', 0, 0),
    ]);
    expect(weeks.map((w) => [w.weekStart, w.onTimeRate])).toEqual([
      ['2026-11-02', 1],
      ['2026-11-09', 19 / 20],
      ['2026-11-16', null],
    ]);
  });

  it("replaces today's figures with the live summary", () => {
    const days = [day('2026-11-20', 5, 5), day('2026-11-21', 1, 1)];
    const today = summaryFixture({ from: '2026-11-20T17:00:00.000Z' });
    const merged = withLiveToday(days, today);
    expect(merged[0]).toBe(days[0]);
    expect(merged[1]).toEqual({
      date: '2026-11-21',
      received: 561578,
      resolved: 5000,
      resolvedOnTime: 4899,
      paymentsSucceeded: 2048,
      paymentsAmountVnd: 109_456_000_000,
    });
    // A summary of another day leaves the series alone.
    expect(withLiveToday(days, summaryFixture({ from: '2026-11-19T17:00:00.000Z' }))).toEqual(days);
  });
});
