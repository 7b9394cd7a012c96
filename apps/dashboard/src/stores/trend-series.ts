import type { DailyFigures, MetricsSummary } from '@ioc/domain/browser';

const DISPLAY_ZONE = 'Asia/Ho_Chi_Minh';
const localDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The local calendar day (`YYYY-MM-DD`) of an instant in Asia/Ho_Chi_Minh. */
export function localDay(instant: number): string {
  return localDayFormat.format(new Date(instant));
}

/** ISO weekday of a `YYYY-MM-DD` day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function addDaysTo(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days to ask for so the series starts on a Monday `weeks` whole weeks back (plus this week). */
export function daysForWeeks(now: number, weeks: number): number {
  return weeks * 7 + weekdayOf(localDay(now));
}

export interface WeeklyRate {
  /** Monday of the week, `YYYY-MM-DD`. */
  weekStart: string;
  resolved: number;
  resolvedOnTime: number;
  /** null when nothing was resolved that week: "no data", never 0 %. */
  onTimeRate: number | null;
}

/** On-time rate per Monday–Sunday week, oldest first. */
export function weeklyOnTime(days: readonly DailyFigures[]): WeeklyRate[] {
  const weeks = new Map<string, WeeklyRate>();
  for (const day of days) {
    const weekStart = addDaysTo(day.date, 1 - weekdayOf(day.date));
    const week = weeks.get(weekStart) ?? {
      weekStart,
      resolved: 0,
      resolvedOnTime: 0,
      onTimeRate: null,
    };
    week.resolved += day.resolved;
    week.resolvedOnTime += day.resolvedOnTime;
    weeks.set(weekStart, week);
  }
  return [...weeks.values()]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart))
    .map((week) => ({
      ...week,
      onTimeRate: week.resolved > 0 ? week.resolvedOnTime / week.resolved : null,
    }));
}

/**
 * Today's figures from the live "today" summary, which is newer than the daily series
 * fetched up to a minute ago: the last bar moves with the stream.
 */
export function withLiveToday(
  days: readonly DailyFigures[],
  today: MetricsSummary | undefined,
): DailyFigures[] {
  if (!today || days.length === 0) return [...days];
  const last = days[days.length - 1];
  if (localDay(Date.parse(today.from)) !== last.date) return [...days];
  return [
    ...days.slice(0, -1),
    {
      date: last.date,
      received: today.received.total,
      resolved: today.resolved.total,
      resolvedOnTime: today.resolved.onTime,
      paymentsSucceeded: today.payments.succeeded,
      paymentsAmountVnd: today.payments.amountVnd,
    },
  ];
}
