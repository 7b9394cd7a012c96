import {
  isoWeekday,
  localDateOf,
  rate,
  startOfWeek,
  type DailyFigures,
  type MetricsSummary,
  type Rate,
} from '@ioc/domain/browser';

/**
 * Days to ask for so the series starts on a Monday `weeks` whole weeks back, plus this week so
 * far; weeks are those of the display zone.
 */
export function daysForWeeks(now: number, weeks: number, zone: string): number {
  return weeks * 7 + isoWeekday(localDateOf(now, zone));
}

export interface WeeklyRate {
  /** Monday of the week, `YYYY-MM-DD`. */
  weekStart: string;
  resolved: number;
  resolvedOnTime: number;
  /** null when nothing was resolved that week: "no data", never 0 %. */
  onTimeRate: Rate;
}

/** On-time rate per Monday–Sunday week, oldest first. */
export function weeklyOnTime(days: readonly DailyFigures[]): WeeklyRate[] {
  const weeks = new Map<string, WeeklyRate>();
  for (const day of days) {
    const weekStart = startOfWeek(day.date);
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
    .map((week) => ({ ...week, onTimeRate: rate(week.resolvedOnTime, week.resolved) }));
}

/**
 * Today's figures from the live "today" summary, which is newer than the daily series
 * fetched up to a minute ago: the last bar moves with the stream. `zone` is the one the
 * server counts its days in.
 */
export function withLiveToday(
  days: readonly DailyFigures[],
  today: MetricsSummary | undefined,
  zone: string,
): DailyFigures[] {
  if (!today || days.length === 0) return [...days];
  const last = days[days.length - 1];
  if (localDateOf(Date.parse(today.from), zone) !== last.date) return [...days];
  return [
    ...days.slice(0, -1),
    {
      ...last,
      received: today.received.total,
      resolved: today.resolved.total,
      resolvedOnTime: today.resolved.onTime,
      paymentsSucceeded: today.payments.succeeded,
      paymentsAmountVnd: today.payments.amountVnd,
    },
  ];
}
