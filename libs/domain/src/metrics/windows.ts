import { addDays, LocalClock } from '../time/local-date';

export const WINDOWS = ['today', 'week', 'month', 'year'] as const;
export type WindowName = (typeof WINDOWS)[number];

/** Longest window the read API computes. */
export const MAX_WINDOW_DAYS = 400;

/** `[from, to)` of a named window ending now: since local midnight, Monday, the 1st, 1 January. */
export function windowBounds(
  window: WindowName,
  now: number,
  clock: LocalClock,
): { from: number; to: number } {
  const today = clock.dateOf(now);
  const firstDay = {
    today,
    week: clock.startOfWeek(today),
    month: clock.startOfMonth(today),
    year: clock.startOfYear(today),
  }[window];
  return { from: clock.startOfDay(firstDay), to: now };
}

/** The window of the same length just before, for `previousRank`. */
export function previousWindow({ from, to }: { from: number; to: number }): {
  from: number;
  to: number;
} {
  return { from: from - (to - from), to: from };
}

/** Whole local days inside `[from, to)` and the part-day edges left over. */
export function splitWindow(
  { from, to }: { from: number; to: number },
  clock: LocalClock,
): { firstDay: string; endDay: string; edges: { from: number; to: number }[] } {
  const fromDay = clock.dateOf(from);
  const firstDay = clock.startOfDay(fromDay) === from ? fromDay : addDays(fromDay, 1);
  const endDay = clock.dateOf(to);
  if (firstDay >= endDay) return { firstDay, endDay: firstDay, edges: [{ from, to }] };
  const edges = [];
  const firstDayStart = clock.startOfDay(firstDay);
  if (from < firstDayStart) edges.push({ from, to: firstDayStart });
  const endDayStart = clock.startOfDay(endDay);
  if (endDayStart < to) edges.push({ from: endDayStart, to });
  return { firstDay, endDay, edges };
}
