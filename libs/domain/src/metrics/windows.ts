import { addDays, LocalClock } from '../time/local-date';

export const WINDOWS = ['today', 'week', 'month', 'year'] as const;
export type WindowName = (typeof WINDOWS)[number];

/** Longest window the read API computes. */
export const MAX_WINDOW_DAYS = 400;
const DAY_MS = 86_400_000;

/** `[from, to)` in epoch milliseconds. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** `[from, to)` of a named window ending now: since local midnight, Monday, the 1st, 1 January. */
export function windowBounds(window: WindowName, now: number, clock: LocalClock): TimeWindow {
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
export function previousWindow({ from, to }: TimeWindow): TimeWindow {
  return { from: from - (to - from), to: from };
}

/** A window or an instant a caller asked for that cannot be read; the message says why. */
export class WindowQueryError extends Error {
  override readonly name = 'WindowQueryError';
}

/** What a caller may ask for: `from` / `to` as ISO-8601 with offset, or a named window. */
export interface WindowQuery {
  from?: string;
  to?: string;
  window?: WindowName;
}

/** An instant given as ISO-8601 with an offset; `name` is the parameter, for the message. */
export function parseInstant(name: string, value: string): number {
  // An offset is required: a bare local time would be ambiguous between zones.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    throw new WindowQueryError(
      `${name}: must be an ISO-8601 date-time with offset, e.g. 2026-11-21T00:00:00+07:00`,
    );
  }
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) throw new WindowQueryError(`${name}: not a valid date-time`);
  return instant;
}

/**
 * The window asked for: `from` / `to` as given, or a named window ending now, or since local
 * midnight of `to` (default now). At most MAX_WINDOW_DAYS long, and `from` not after `to`.
 */
export function resolveWindow(query: WindowQuery, now: number, clock: LocalClock): TimeWindow {
  if (query.window && !query.from && !query.to) return windowBounds(query.window, now, clock);
  const to = query.to ? parseInstant('to', query.to) : now;
  const from = query.from ? parseInstant('from', query.from) : clock.startOfDay(clock.dateOf(to));
  if (from > to) throw new WindowQueryError('from: must not be after to');
  if (to - from > MAX_WINDOW_DAYS * DAY_MS) {
    throw new WindowQueryError(`The window is longer than ${MAX_WINDOW_DAYS} days`);
  }
  return { from, to };
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
