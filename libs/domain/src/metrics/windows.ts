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

/** A part of one local day, `[from, to)`. */
export interface DayEdge {
  day: string;
  from: number;
  to: number;
}

/** Whole local days `[firstDay, endDay)` inside `[from, to)` and the part-day edges left over. */
export function splitWindow(
  { from, to }: { from: number; to: number },
  clock: LocalClock,
): { firstDay: string; endDay: string; edges: DayEdge[] } {
  const fromDay = clock.dateOf(from);
  const endDay = clock.dateOf(to);
  if (fromDay === endDay) {
    return { firstDay: endDay, endDay, edges: from < to ? [{ day: fromDay, from, to }] : [] };
  }
  const edges: DayEdge[] = [];
  const firstDay = clock.startOfDay(fromDay) === from ? fromDay : addDays(fromDay, 1);
  if (firstDay !== fromDay) edges.push({ day: fromDay, from, to: clock.startOfDay(firstDay) });
  const endDayStart = clock.startOfDay(endDay);
  if (endDayStart < to) edges.push({ day: endDay, from: endDayStart, to });
  return { firstDay, endDay, edges };
}

/**
 * How to read a part-day edge: from its own facts, or as its whole day's rollup less the facts
 * of the rest of that day, whichever spans less time that can hold facts (none lie after
 * `horizon`, the latest event derived). "Today so far" on a live screen is then one rollup row
 * less nothing, however busy the day.
 */
export function edgeReading(
  edge: DayEdge,
  clock: LocalClock,
  horizon: number,
): { wholeDay: boolean; facts: { from: number; to: number }[] } {
  const rest = [
    { from: clock.startOfDay(edge.day), to: edge.from },
    { from: edge.to, to: clock.startOfDay(addDays(edge.day, 1)) },
  ].filter((part) => part.from < part.to);
  const span = ({ from, to }: { from: number; to: number }) =>
    Math.max(0, Math.min(to, horizon + 1) - from);
  const restSpan = rest.reduce((total, part) => total + span(part), 0);
  return restSpan < span(edge)
    ? { wholeDay: true, facts: rest }
    : { wholeDay: false, facts: [{ from: edge.from, to: edge.to }] };
}
